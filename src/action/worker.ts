// The action's work, bundled as dist/action-worker.js and run by dist/index.js in a worker.
import { startHeapGovernor } from '../capped-worker.ts';
import { setFailed } from './safe-log.ts';
import { run } from './main.ts';

startHeapGovernor();
// An error nobody caught must not reach stderr raw (the runner reads commands there too).
await run().catch((error: unknown) => {
  setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
});
