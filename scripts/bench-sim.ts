/**
 * The benchmark's Events API: a simulator in its own process (so its memory and CPU are not counted
 * as the exporter's) holding a backlog of N events per feed with the rate limits off. It writes the
 * same events as NDJSON.gz for the size comparison and the DuckDB anchor, then prints one JSON line.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { EventsApiSimulator } from '../test/sim/events-api/index.ts';

const [perFeedText, dir, daysText = '30'] = process.argv.slice(2);
const perFeed = Number(perFeedText);
const days = Number(daysText);
if (!Number.isInteger(perFeed) || !dir || !Number.isInteger(days))
  throw new Error('usage: bench-sim.ts <events-per-feed> <dir> [days]');

const sim = await EventsApiSimulator.start({ seed: 7, rateLimit: false });
const now = Date.now();
await mkdir(dir, { recursive: true });
const ndjson: Record<string, string> = {};
for (const feed of FEEDS) {
  // One slice per day, oldest first: events arrive in time order, as a real backlog does.
  for (let day = 0; day < days; day++) {
    const count = Math.floor((perFeed * (day + 1)) / days) - Math.floor((perFeed * day) / days);
    const from = now - (days - day) * 86_400_000;
    sim.generate(feed, count, { from: new Date(from), to: new Date(from + 86_400_000 - 1) });
  }
  ndjson[feed] = path.join(dir, `${feed}.ndjson.gz`);
  const truth = sim.groundTruth(feed);
  const lines = (function* () {
    for (const event of truth) yield `${JSON.stringify(event)}\n`;
  })();
  await pipeline(Readable.from(lines), createGzip(), createWriteStream(ndjson[feed]));
}
process.stdout.write(`${JSON.stringify({ url: sim.url, token: sim.issueToken(), ndjson })}\n`);
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
