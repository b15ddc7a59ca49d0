/**
 * Runs an entry point's work in a worker thread with a capped young generation.
 *
 * V8 sizes its nursery from the machine's memory: 64 MB on a 16-24 GB machine, where the live heap
 * of a large export stays around 60 MB. Capping it keeps peak RSS flat and low at the same speed
 * (measured on 300k events: 336 MB -> about 230 MB, 4.3 s either way). The cap can only be set when
 * a heap is created (`v8.setFlagsFromString` does not resize a running heap) and the runner starts
 * `node dist/index.js` without flags, hence a worker: the same bundle, loaded again off the main thread.
 */
import { isMainThread, Worker, workerData } from 'node:worker_threads';

const YOUNG_GENERATION_MB = 16;

export interface WorkerContext {
  argv: string[];
  stderrIsTTY: boolean;
}

/** True in the worker that does the work; false in the main thread that only starts it. */
export function inCappedWorker(): boolean {
  return !isMainThread && (workerData as { cappedWorker?: boolean } | undefined)?.cappedWorker === true;
}

export function cappedWorkerContext(): WorkerContext {
  const data = workerData as { argv?: string[]; stderrIsTTY?: boolean };
  return { argv: data.argv ?? [], stderrIsTTY: data.stderrIsTTY ?? false };
}

/** Starts `entry` (this bundle's own URL) in a capped worker; resolves with its exit code. */
export function runInCappedWorker(entry: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: {
        cappedWorker: true,
        argv: process.argv.slice(2),
        stderrIsTTY: Boolean(process.stderr.isTTY),
      },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.once('error', reject);
    worker.once('exit', resolve);
  });
}
