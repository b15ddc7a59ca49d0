// The `1password-events-export` command (dist/cli.js): start the CLI in a worker (see capped-worker.ts).
import { runInCappedWorker } from '../capped-worker.ts';

process.exitCode = await runInCappedWorker(new URL('./cli-worker.js', import.meta.url));
