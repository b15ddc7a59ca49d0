import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __bundleFilename = __fileURLToPath(import.meta.url);
const __bundleDirname = __pathDirname(__bundleFilename);

// src/capped-worker.ts
import { Worker, workerData } from "node:worker_threads";
var YOUNG_GENERATION_MB = 16;
function runInCappedWorker(file, onStart) {
  return new Promise((resolve, reject) => {
    const context = {
      argv: process.argv.slice(2),
      // @types/node says boolean; it is undefined when stderr is not a terminal.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
      stderrIsTTY: Boolean(process.stderr.isTTY)
    };
    const worker = new Worker(file, {
      workerData: context,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
    });
    worker.once("error", reject);
    worker.once("exit", resolve);
    onStart?.(worker);
  });
}

// src/index.ts
process.exitCode = await runInCappedWorker(new URL("./action-worker.js", import.meta.url));
//# sourceMappingURL=index.js.map
