/**
 * The hostile-state row of `npm run bench`: the CLI given a 261 MB state document (3M uuids per feed,
 * as in the report that found 1.9 GB and 82 s) must refuse it by its size, in bounded time and memory.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

export interface HugeStateResult {
  megabytes: number;
  seconds: number;
  peakRssMiB: number;
  refused: boolean;
}

/** Writes the document in chunks (never whole in memory) and runs the CLI against it. */
export async function hugeStateRun(work: string, serverUrl: string, token: string): Promise<HugeStateResult> {
  const file = path.join(work, 'huge-state.json');
  const out = createWriteStream(file);
  const uuidsLine = '"0123456789ABCDEFGHIJKLMNOP",'.repeat(10_000);
  const feeds = ['signinattempts', 'itemusages', 'auditevents'];
  out.write(
    '{"schema":1,"account":"ACCOUNT","server":"https://events.1password.com","updatedAt":"2026-11-02T00:00:00Z","writtenBy":"1-1","feeds":{',
  );
  for (const [index, feed] of feeds.entries()) {
    out.write(`"${feed}":{"cursor":"c","apiVersion":"v2","savedAt":"2026-11-02T00:00:00Z","recentUuids":[`);
    for (let i = 0; i < 300; i++) if (!out.write(uuidsLine)) await once(out, 'drain');
    out.write(`"LAST"]}${index < feeds.length - 1 ? ',' : ''}`);
  }
  out.end('}}');
  await once(out, 'finish');
  const { size } = await stat(file);
  const rssFile = path.join(work, 'rss-huge-state');
  const started = process.hrtime.bigint();
  let stderr = '';
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        path.resolve('scripts/report-rss.mjs'),
        'dist/cli.js',
        '--server-url',
        serverUrl,
        '--out',
        path.join(work, 'out-huge-state'),
        '--state-file',
        file,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, OP_EVENTS_TOKEN: token, BENCH_RSS_FILE: rssFile },
      },
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    megabytes: size / 1e6,
    seconds,
    peakRssMiB: Number(await readFile(rssFile, 'utf8')) / 1024,
    refused: code !== 0 && /more than the \d+ a state document can be/.test(stderr),
  };
}
