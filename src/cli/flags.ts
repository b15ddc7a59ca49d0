/** The CLI's flags: what they are, their help text, and how an input error is said in their words. */
import { parseArgs } from 'node:util';
import { INPUT, INPUT_DEFAULTS, type InputName } from '../inputs.ts';
import type { InputError } from '../errors.ts';
import { DEFAULT_SERVER_URL } from '../onepassword/server-url.ts';
import { STATE_FILE } from '../output/layout.ts';

export const HELP = `Usage: 1password-events-export [options]
       1password-events-export compact [--from DIR]... FOLDER   (merge finished days; compact --help)

Export 1Password Events API events (sign-in attempts, item usages, audit events) to Parquet/NDJSON.
The token is read from the OP_EVENTS_TOKEN environment variable or from --token-file (never a flag:
it would land in your shell history).

Options:
  --server-url URL      Events API base URL (default: the host in the token, else ${DEFAULT_SERVER_URL})
  --token-file PATH     read the token from this file instead of OP_EVENTS_TOKEN
  --events LIST         comma list of signinattempts, itemusages, auditevents, or auto (default: ${INPUT_DEFAULTS.events})
  --formats LIST        comma list of parquet, ndjson (default: ${INPUT_DEFAULTS.formats})
  --out DIR             output directory (default: ./1password-events)
  --state-file PATH     state document to resume from and update (default: <out>/${STATE_FILE})
  --start-time TIME     where a feed without saved state starts: RFC 3339 or 90m, 36h, 7d (default: ${INPUT_DEFAULTS['start-time']})
  --max-duration DUR    stop pulling after this long (e.g. 45m) and save progress (default: no limit)
  --api-version V       v1 or v2 (default: ${INPUT_DEFAULTS['api-version']})
  --run-id ID           label of this run in file names (default: the current time)
  -h, --help            show this help
  --version             print the version

Exit codes: 0 done, 2 bad input, 3 authentication failure, 1 anything else.`;

/** The flag (or variable) that sets each input the CLI uses; the other inputs keep their defaults. */
const FLAG_OF_INPUT: Partial<Record<InputName, string>> = {
  token: 'OP_EVENTS_TOKEN / --token-file',
  'server-url': '--server-url',
  events: '--events',
  formats: '--formats',
  'start-time': '--start-time',
  'max-duration': '--max-duration',
  'api-version': '--api-version',
  'output-dir': '--out',
};

/** Where a terminal user gets the token from; config.ts only says what is wrong. */
const TOKEN_HINT = 'set OP_EVENTS_TOKEN or pass --token-file PATH';

const OPTIONS = {
  'server-url': { type: 'string' },
  'token-file': { type: 'string' },
  events: { type: 'string' },
  formats: { type: 'string' },
  out: { type: 'string' },
  'state-file': { type: 'string' },
  'start-time': { type: 'string' },
  'max-duration': { type: 'string' },
  'api-version': { type: 'string' },
  'run-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** The flags, or the first line of what is wrong with them. */
export function parseFlags(argv: string[]): { flags: Flags } | { error: string } {
  try {
    return {
      flags: parseArgs({ args: argv, strict: true, allowPositionals: false, options: OPTIONS }).values,
    };
  } catch (error) {
    return { error: `${(error as Error).message.split('\n')[0]} (see --help)` };
  }
}

/** The inputs the CLI sets from its flags; every other input keeps its action.yml default. */
export function inputsOfFlags(
  flags: Flags,
  token: string,
  outDir: string,
): Partial<Record<InputName, string>> {
  return {
    token,
    'server-url': flags['server-url'],
    events: flags.events,
    formats: flags.formats,
    'start-time': flags['start-time'],
    'max-duration': flags['max-duration'],
    'api-version': flags['api-version'],
    'output-dir': outDir,
    destination: 'none',
    'alert-issues': 'false',
  };
}

/** An input error in the CLI's words: the flag instead of the input name, terminal hints. */
export function describeInputError(error: InputError): string {
  const flag = FLAG_OF_INPUT[error.input as InputName] ?? error.input;
  const message = error.message.replace(`Invalid ${error.input}:`, `Invalid ${flag}:`);
  return error.input === INPUT.token && message.endsWith('missing') ? `${message}; ${TOKEN_HINT}` : message;
}
