/** Messages between the CLI's launcher (bin.ts, main thread) and its worker (worker.ts). */
import type { RunFiles } from './abandon.ts';

/** Worker -> launcher: which files are this run's, and when its state is saved (then they are kept). */
export type WorkerMessage = { type: 'run'; run: RunFiles } | { type: 'state-saved' };

/** Launcher -> worker: stop after the page in hand (the first Ctrl-C). */
export type LauncherMessage = { type: 'stop' };
