// The action's work, bundled as dist/action-worker.js and run by dist/index.js in a worker.
import { startHeapGovernor } from '../capped-worker.ts';
import { run } from './main.ts';

startHeapGovernor();
await run();
