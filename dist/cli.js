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

// src/cli/abandon.ts
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

// src/errors.ts
var ExportError = class extends Error {
  kind;
  /** HTTP status when the error came from an HTTP response. */
  status;
  constructor(kind, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "ExportError";
    this.kind = kind;
    if (options.status !== void 0) this.status = options.status;
  }
};

// src/output/layout.ts
var NDJSON_DIR = "ndjson";
var FORMAT_ROOTS = { parquet: "", ndjson: `${NDJSON_DIR}/` };
var MANIFESTS_DIR = "_manifests";
function manifestPath(runId, runAttempt) {
  return `${MANIFESTS_DIR}/${runId}-${runAttempt}.json`;
}

// src/cli/abandon.ts
function abandonRun(run2, stateSaved2) {
  const prefix = `part-${run2.runId}-${run2.runAttempt}-`;
  const manifest = path.basename(manifestPath(run2.runId, run2.runAttempt));
  let removed = 0;
  let entries;
  try {
    entries = readdirSync(run2.outDir, { recursive: true, encoding: "utf8" });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const name = path.basename(entry);
    const temporary = name.startsWith(".") && name.endsWith(".tmp");
    const finished = name.startsWith(prefix) || name === manifest;
    if (temporary || !stateSaved2 && finished) {
      rmSync(path.join(run2.outDir, entry), { force: true });
      removed++;
    }
  }
  return removed;
}

// src/cli/lock.ts
import { readFileSync, rmSync as rmSync2 } from "node:fs";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";
var LOCK_FILE = ".1password-events.lock";
var OutputLock = class _OutputLock {
  constructor(file) {
    this.file = file;
  }
  file;
  /** Takes the lock of `outDir`, or throws naming the run that holds it. */
  static async acquire(outDir, now) {
    await mkdir(outDir, { recursive: true });
    const file = path2.join(outDir, LOCK_FILE);
    const owner = { pid: process.pid, host: os.hostname(), startedAt: now.toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(file, "wx");
        await handle.writeFile(`${JSON.stringify(owner)}
`);
        await handle.close();
        return new _OutputLock(file);
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
      const holder = await readOwner(file);
      if (holder && isAlive(holder)) {
        throw new ExportError(
          "input",
          `another export is writing to ${outDir} (process ${holder.pid}, started ${holder.startedAt}); wait for it to finish, or stop it with Ctrl-C, then run this command again`
        );
      }
      await rm(file, { force: true });
    }
    throw new ExportError(
      "input",
      `another export took the lock of ${outDir} at the same moment; run this command again`
    );
  }
  async release() {
    await rm(this.file, { force: true });
  }
  /** For exit paths that cannot wait (the launcher's hard abort). Only removes a lock this process holds. */
  static releaseSync(outDir, pid = process.pid) {
    const file = path2.join(outDir, LOCK_FILE);
    try {
      const holder = JSON.parse(readFileSync(file, "utf8"));
      if (holder.pid === pid && holder.host === os.hostname()) rmSync2(file, { force: true });
    } catch {
    }
  }
};
async function readOwner(file) {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8"));
    const { pid, host, startedAt } = parsed;
    if (typeof pid === "number" && typeof host === "string") {
      return { pid, host, startedAt: typeof startedAt === "string" ? startedAt : "at an unknown time" };
    }
  } catch {
  }
  return void 0;
}
function isAlive(owner) {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/cli/bin.ts
var INTERRUPTED = 130;
var run;
var stateSaved = false;
var signals = 0;
function watch(worker) {
  worker.on("message", (message) => {
    if (message.type === "run") run = message.run;
    if (message.type === "state-saved") stateSaved = true;
  });
  const onSignal = () => {
    signals++;
    if (signals === 1) {
      process.stderr.write(
        "\nStopping: finishing the page in hand, then saving what was written. Press Ctrl-C again to abort at once.\n"
      );
      worker.postMessage({ type: "stop" });
      return;
    }
    process.stderr.write("\nAborting at once.\n");
    void worker.terminate().finally(() => {
      if (run) {
        abandonRun(run, stateSaved);
        OutputLock.releaseSync(run.outDir);
        process.stderr.write(
          stateSaved ? `Aborted after the state was saved; run the same command to continue.
` : `Aborted: this run's files were removed and the saved state was left as it was; run the same command to fetch those events again.
`
        );
      }
      process.exit(INTERRUPTED);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
process.exitCode = await runInCappedWorker(new URL("./cli-worker.js", import.meta.url), watch);
//# sourceMappingURL=cli.js.map
