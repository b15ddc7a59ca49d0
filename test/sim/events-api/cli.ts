/**
 * `npm run sim -- --port N [--events 50000] [--days 30] [--seed 1] [--no-rate-limit] [--token-file PATH]
 *   [--incident NAME ...] [--idealised]`
 *
 * Runs the Events API simulator standalone on 127.0.0.1 with a realistic backlog across the three
 * feeds, until SIGINT/SIGTERM. The token is written to disk only with --token-file (mode 0600);
 * otherwise it is printed, once, to stdout.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Feed } from '../../../src/onepassword/feeds.ts';
import { EventsApiSimulator, INCIDENTS, type IncidentName } from './index.ts';

const DAY = 86_400_000;

/** A mid-size company's mix: item usages dominate, audit events are the rarest. */
const FEED_SHARES: ReadonlyArray<readonly [Feed, number, number]> = [
  // feed, share of the events, share of late arrivals (item usages arrive when clients sync)
  ['signinattempts', 0.28, 0],
  ['itemusages', 0.56, 0.02],
  ['auditevents', 0.16, 0],
];

const USAGE =
  'usage: npm run sim -- --port N [--events 50000] [--days 30] [--seed 1] [--no-rate-limit] [--token-file PATH]' +
  ` [--incident ${INCIDENTS.join('|')}] ... [--idealised]`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      events: { type: 'string', default: '50000' },
      days: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      'no-rate-limit': { type: 'boolean', default: false },
      'token-file': { type: 'string' },
      incident: { type: 'string', multiple: true, default: [] },
      idealised: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const integer = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be an integer >= ${min}\n${USAGE}`);
    return value;
  };
  return {
    port: integer('port', values.port, 0),
    events: integer('events', values.events, 0),
    days: integer('days', values.days, 1),
    seed: integer('seed', values.seed, 0),
    rateLimit: !values['no-rate-limit'],
    tokenFile: values['token-file'],
    incidents: values.incident.map((name) => {
      if (!(INCIDENTS as readonly string[]).includes(name))
        throw new Error(`--incident must be one of ${INCIDENTS.join(', ')}, not "${name}"\n${USAGE}`);
      return name as IncidentName;
    }),
    idealised: values.idealised,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const sim = await EventsApiSimulator.start({
    port: options.port,
    seed: options.seed,
    ...(options.rateLimit ? {} : { rateLimit: false as const }),
    ...(options.idealised ? { realism: 'idealised' as const } : {}),
  });
  // Before anything is printed: whoever reads the output may signal us at once.
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const now = Date.now();
  for (const [feed, share, late] of FEED_SHARES) {
    const count = Math.round(options.events * share);
    // One day per batch keeps the ingest order close to chronological, as the real service's is.
    for (let day = options.days; day > 0; day--) {
      const perDay = Math.floor(count / options.days) + (day <= count % options.days ? 1 : 0);
      if (perDay === 0) continue;
      const from = new Date(now - day * DAY);
      const to = new Date(Math.min(now - 60_000, from.getTime() + DAY));
      sim.generate(feed, perDay, { from, to, late });
    }
  }

  // Incidents an hour apart, ending an hour ago, among the normal traffic.
  const planted = options.incidents.map((name, i) =>
    sim.plantIncident(name, { at: new Date(now - (options.incidents.length - i + 1) * 3_600_000) }),
  );

  const token = sim.issueToken();
  console.log(`1Password Events API simulator listening on ${sim.url}`);
  for (const incident of planted) console.log(`  incident        ${incident.name}: ${incident.summary}`);
  for (const [feed] of FEED_SHARES)
    console.log(`  ${feed.padEnd(15)} ${sim.eventCount(feed).toLocaleString('en-US')} events`);
  console.log(`  rate limits     ${options.rateLimit ? '600/min, 30,000/h' : 'off'}`);
  if (options.tokenFile) {
    writeFileSync(options.tokenFile, `${token}\n`, { mode: 0o600 });
    chmodSync(options.tokenFile, 0o600); // the mode option applies only to a new file
    console.log(`Token (all three features) written to ${options.tokenFile} (mode 0600).`);
    console.log(
      `Try: curl -s -H "Authorization: Bearer $(cat ${options.tokenFile})" ${sim.url}/api/v2/auth/introspect`,
    );
  } else {
    console.log('Token (all three features; pass --token-file PATH to write it to a file instead):');
    console.log(token);
  }
  console.log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
