// The `1password-events-export` command (dist/cli.js): start the CLI in a worker (see capped-worker.ts).
// Signals reach only this main thread: the first Ctrl-C (or SIGTERM) asks the worker to stop after
// the page in hand and save what it wrote; a second one aborts at once and cleans up here.
import type { Worker } from 'node:worker_threads';
import { runInCappedWorker } from '../capped-worker.ts';
import { abandonRun, type RunFiles } from './abandon.ts';
import { OutputLock } from './lock.ts';
import type { WorkerMessage } from './messages.ts';

const INTERRUPTED = 130;

let run: RunFiles | undefined;
let stateSaved = false;
let signals = 0;

function watch(worker: Worker): void {
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'run') run = message.run;
    if (message.type === 'state-saved') stateSaved = true;
  });
  const onSignal = (): void => {
    signals++;
    if (signals === 1) {
      process.stderr.write(
        '\nStopping: finishing the page in hand, then saving what was written. Press Ctrl-C again to abort at once.\n',
      );
      worker.postMessage({ type: 'stop' });
      return;
    }
    process.stderr.write('\nAborting at once.\n');
    void worker.terminate().finally(() => {
      if (run) {
        abandonRun(run, stateSaved);
        OutputLock.releaseSync(run.outDir);
        process.stderr.write(
          stateSaved
            ? `Aborted after the state was saved; run the same command to continue.\n`
            : `Aborted: this run's files were removed and the saved state was left as it was; run the same command to fetch those events again.\n`,
        );
      }
      process.exit(INTERRUPTED);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

process.exitCode = await runInCappedWorker(new URL('./cli-worker.js', import.meta.url), watch);
