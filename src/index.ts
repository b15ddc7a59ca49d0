// Entry point of the action: run one export (in a worker with a capped young generation) and nothing else.
import { inCappedWorker, runInCappedWorker } from './capped-worker.ts';
import { run } from './main.ts';

if (inCappedWorker()) {
  await run();
} else {
  process.exitCode = await runInCappedWorker(new URL(import.meta.url));
}
