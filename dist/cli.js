#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __bundleFilename = __fileURLToPath(import.meta.url);
const __bundleDirname = __pathDirname(__bundleFilename);

// src/capped-worker.ts
import { Worker, workerData } from "node:worker_threads";
var YOUNG_GENERATION_MB = 16;
function runInCappedWorker(file) {
  return new Promise((resolve, reject) => {
    const context = {
      argv: process.argv.slice(2),
      stderrIsTTY: Boolean(process.stderr.isTTY)
    };
    const worker = new Worker(file, {
      workerData: context,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
    });
    worker.once("error", reject);
    worker.once("exit", resolve);
  });
}

// src/cli-bin.ts
process.exitCode = await runInCappedWorker(new URL("./cli-worker.js", import.meta.url));
//# sourceMappingURL=cli.js.map
