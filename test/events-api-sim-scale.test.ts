/**
 * The simulator is fast enough for the benchmark: 100,000 events are generated, ingested and paged
 * through over HTTP (limit 1000, 100 requests within the default rate limit) in a few seconds.
 */
import { afterAll, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import type { PageResponse } from '../src/onepassword/types.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';

const COUNT = 100_000;
let sim: EventsApiSimulator | undefined;
afterAll(() => sim?.close());

it(`pages through ${COUNT.toLocaleString('en')} events quickly and completely`, async () => {
  const clock = new SimulatedClock();
  sim = await EventsApiSimulator.start({ clock });
  const generateStart = performance.now();
  for (let done = 0; done < COUNT; done += 25_000) {
    sim.generate('itemusages', 25_000, { from: new Date(clock.now() - (30 - done / 25_000) * 86_400_000) });
  }
  const generateMs = performance.now() - generateStart;

  const token = sim.issueToken();
  const pageStart = performance.now();
  let body: unknown = { limit: 1000, start_time: '2020-01-01T00:00:00Z' };
  let received = 0;
  let bytes = 0;
  let requests = 0;
  let lastUuid = '';
  for (;;) {
    const response = await fetch(`${sim.url}/api/v2/itemusages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    bytes += Buffer.byteLength(text);
    requests++;
    const page = JSON.parse(text) as PageResponse;
    received += page.items.length;
    if (page.items.length) lastUuid = page.items.at(-1)!.uuid;
    if (!page.has_more) break;
    body = { cursor: page.cursor };
  }
  const pageMs = performance.now() - pageStart;

  console.log(
    `events-api simulator: generated+ingested ${COUNT} events in ${generateMs.toFixed(0)} ms; ` +
      `paged ${received} events (${(bytes / 1e6).toFixed(1)} MB, ${requests} requests) in ${pageMs.toFixed(0)} ms`,
  );
  expect(received).toBe(COUNT);
  expect(requests).toBe(COUNT / 1000);
  expect(lastUuid).toBe(sim.groundTruth('itemusages').at(-1)!.uuid);
  expect(pageMs).toBeLessThan(20_000); // about 1-3 s here; generous for a loaded CI machine
});
