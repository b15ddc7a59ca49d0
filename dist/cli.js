#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{Worker as a,workerData as p}from"node:worker_threads";var i=16;function e(o){return new Promise((t,n)=>{let s={argv:process.argv.slice(2),stderrIsTTY:!!process.stderr.isTTY},r=new a(o,{workerData:s,resourceLimits:{maxYoungGenerationSizeMb:i}});r.once("error",n),r.once("exit",t)})}process.exitCode=await e(new URL("./cli-worker.js",import.meta.url));
