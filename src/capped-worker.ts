/**
 * The entry points (dist/index.js for the action, dist/cli.js for the CLI) are launchers: they start
 * the real work, a separate bundle, in a worker thread with a capped young generation.
 *
 * V8 sizes its nursery from the machine's memory (64 MB on a 16-24 GB machine) while the live heap
 * of a large export stays near 30 MB, so the default nursery alone was a third of peak RSS. The cap
 * can only be set when a heap is created (`v8.setFlagsFromString` does not resize a running heap)
 * and the runner starts `node dist/index.js` without flags, hence the worker. The launcher imports
 * nothing but this file, so the work's bundle is loaded once, in the worker.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker, workerData } from 'node:worker_threads';

const YOUNG_GENERATION_MB = 16;
const HEAP_SOFT_LIMIT_MB = 72;
const HEAP_CHECK_MS = 25;

export interface WorkerContext {
  argv: string[];
  stderrIsTTY: boolean;
}

/**
 * Starts the bundle `file` (next to the launcher) in a capped worker; resolves with its exit code.
 * `onStart` gets the worker, e.g. to forward signals (only the main thread receives them).
 */
export function runInCappedWorker(file: URL, onStart?: (worker: Worker) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const context: WorkerContext = {
      argv: process.argv.slice(2),
      // @types/node says boolean; it is undefined when stderr is not a terminal.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
      stderrIsTTY: Boolean(process.stderr.isTTY),
    };
    const worker = new Worker(file, {
      workerData: context,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.once('error', reject);
    worker.once('exit', resolve);
    onStart?.(worker);
  });
}

/** In the worker: the launcher's arguments and whether its stderr is a terminal. */
export function workerContext(): WorkerContext {
  const data = (workerData ?? {}) as Partial<WorkerContext>;
  return { argv: data.argv ?? [], stderrIsTTY: data.stderrIsTTY ?? false };
}

/**
 * In the worker: a full collection whenever the heap passes a soft limit. V8 lets the old
 * generation grow to about four times what is live before it collects (140 MB committed for ~30 MB
 * live on a 300k-event export), and a hard old-space limit makes it collect so eagerly that the
 * export slows by a quarter. Collecting at HEAP_SOFT_LIMIT_MB keeps the committed heap, and the garbage
 * ArrayBuffers it holds, small: measured peak RSS ~230 MB instead of ~250-300 MB, for about 10%
 * more CPU. The check is a cheap heap-statistics read on an unref'd timer.
 */
export function startHeapGovernor(softLimitMb = HEAP_SOFT_LIMIT_MB, everyMs = HEAP_CHECK_MS): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const limit = softLimitMb * 1024 * 1024;
  setInterval(() => {
    if (v8.getHeapStatistics().used_heap_size > limit) gc();
  }, everyMs).unref();
}
