// The CLI's work, bundled as dist/cli-worker.js and run by dist/cli.js in a worker.
import { parentPort } from 'node:worker_threads';
import { main } from './main.ts';
import { startHeapGovernor, workerContext } from '../capped-worker.ts';
import type { LauncherMessage, WorkerMessage } from './messages.ts';

startHeapGovernor();
const { argv, stderrIsTTY } = workerContext();
// The worker's stderr is a pipe to the launcher's; tell the progress display what the launcher sees.
const stderr = Object.assign(process.stderr, { isTTY: stderrIsTTY });
const stop = new AbortController();
parentPort?.on('message', (message: LauncherMessage) => {
  // The only message so far; the type says which one it is when there are more.
  if ((message as { type: string }).type === 'stop') stop.abort(new Error('interrupted'));
});
// The port must not keep the worker alive once main() is done.
parentPort?.unref();
process.exitCode = await main(argv, {
  env: process.env,
  stdout: process.stdout,
  stderr,
  stop: stop.signal,
  announce: (message: WorkerMessage) => parentPort?.postMessage(message),
});
