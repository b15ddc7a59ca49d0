/**
 * vitest setupFiles: what code under test writes straight to process.stdout/stderr (@actions/core's
 * `::debug::` and `::warning::` commands, @actions/exec's `[command]` lines, upload progress) goes
 * through the console instead, where vitest attributes it to the running test and, with
 * `silent: 'passed-only'` (vitest.config.ts), prints it only when that test fails.
 */
type Write = typeof process.stdout.write;

function throughConsole(log: (text: string) => void): Write {
  return function write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    // console.log ends the line itself.
    log(text.endsWith('\n') ? text.slice(0, -1) : text);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  };
}

process.stdout.write = throughConsole((text) => {
  console.log(text);
});
process.stderr.write = throughConsole((text) => {
  console.error(text);
});
