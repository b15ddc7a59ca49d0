// The CLI's work, bundled as dist/cli-worker.js and run by dist/cli.js in a worker.
import { main } from './main.ts';
import { startHeapGovernor, workerContext } from '../capped-worker.ts';

startHeapGovernor();
const { argv, stderrIsTTY } = workerContext();
// The worker's stderr is a pipe to the launcher's; tell the progress display what the launcher sees.
const stderr = Object.assign(process.stderr, { isTTY: stderrIsTTY });
process.exitCode = await main(argv, { env: process.env, stdout: process.stdout, stderr });
