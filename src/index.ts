// Entry point of the action: start one export in a worker (see capped-worker.ts) and nothing else.
import { runInCappedWorker } from './capped-worker.ts';

process.exitCode = await runInCappedWorker(new URL('./action-worker.js', import.meta.url));
