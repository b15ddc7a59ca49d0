/**
 * What the runner reads back from a node action: workflow commands on stdout (`::name k=v::data`)
 * and the file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV) written by @actions/core.
 */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
}

export interface StdoutCommands {
  masks: string[];
  annotations: Annotation[];
  groups: string[];
  debug: string[];
  /** Deprecated `::set-output` / `::save-state`, still honoured by the runner. */
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** Tokens of `stop-commands`: after one, the runner ignores commands until the token comes back. */
  stopCommands: string[];
  /** Every other command the runner would act on (set-env, add-path, add-matcher, echo, ...). */
  other: ParsedCommand[];
}

/**
 * Commands the runner registers (actions/runner ActionCommandManager): only these are honoured in the
 * legacy `##[name]` form.
 */
const REGISTERED = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
]);

/**
 * The runner's lines: .NET's ReadLine ends a line at CR, LF or CRLF, so a bare CR starts a new line
 * (and a new chance to issue a command).
 */
export function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

/**
 * Parses workflow commands out of a step's stdout (or stderr: the runner reads both), honouring
 * `::stop-commands::`.
 */
export function parseWorkflowCommands(stdout: string): StdoutCommands {
  const result: StdoutCommands = {
    masks: [],
    annotations: [],
    groups: [],
    debug: [],
    outputs: {},
    state: {},
    stopCommands: [],
    other: [],
  };
  let stoppedUntil: string | undefined;
  for (const line of runnerLines(stdout)) {
    if (stoppedUntil !== undefined) {
      if (line.trim() === `::${stoppedUntil}::`) stoppedUntil = undefined;
      continue;
    }
    const command = parseCommandLine(line) ?? parseLegacyCommandLine(line);
    if (!command) continue;
    const { name, properties, data } = command;
    switch (name) {
      case 'add-mask':
        if (data) result.masks.push(data);
        break;
      case 'error':
      case 'warning':
      case 'notice':
        result.annotations.push({ level: name, message: data, properties });
        break;
      case 'group':
        result.groups.push(data);
        break;
      case 'debug':
        result.debug.push(data);
        break;
      case 'set-output':
        if (properties.name) result.outputs[properties.name] = data;
        break;
      case 'save-state':
        if (properties.name) result.state[properties.name] = data;
        break;
      case 'stop-commands':
        stoppedUntil = data;
        result.stopCommands.push(data);
        break;
      case 'endgroup':
        break;
      default:
        result.other.push(command);
    }
  }
  return result;
}

export interface ParsedCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
}

/** .NET's TrimStart: every char.IsWhiteSpace, which includes U+0085 (JavaScript's \s does not). */
const DOTNET_LEADING_SPACE = /^[\s\u0085]+/;

/** The `::name k=v::data` form, which must start the line after white space. */
export function parseCommandLine(line: string): ParsedCommand | undefined {
  const trimmed = line.replace(DOTNET_LEADING_SPACE, '');
  if (!trimmed.startsWith('::')) return undefined;
  const end = trimmed.indexOf('::', 2);
  if (end === -1) return undefined;
  const head = trimmed.slice(2, end);
  const space = head.indexOf(' ');
  const name = (space === -1 ? head : head.slice(0, space)).toLowerCase();
  if (!/^[a-z-]+$/.test(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space !== -1) {
    for (const pair of head.slice(space + 1).split(',')) {
      const equals = pair.indexOf('=');
      if (equals > 0) properties[pair.slice(0, equals).trim()] = unescapeProperty(pair.slice(equals + 1));
    }
  }
  return { name, properties, data: unescapeData(trimmed.slice(end + 2)) };
}

/** The legacy `##[name k=v;k2=v2]data` form, which the runner finds anywhere in a line. */
export function parseLegacyCommandLine(line: string): ParsedCommand | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const end = line.indexOf(']', start);
  if (end < 0) return undefined;
  const info = line.slice(start + 3, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!REGISTERED.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const equals = pair.indexOf('=');
      if (equals > 0) properties[pair.slice(0, equals)] = pair.slice(equals + 1);
    }
  }
  return { name, properties, data: line.slice(end + 1) };
}

/** @actions/core escapes `%`, `\r`, `\n` in data. */
export function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Properties additionally escape `:` and `,`. */
export function unescapeProperty(value: string): string {
  return unescapeData(value.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

/**
 * Parses a file command file: `name<<DELIMITER` heredocs (what @actions/core writes) and plain
 * `name=value` lines. Later entries win, as they do on the runner.
 */
export function parseFileCommand(content: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (equals === -1 || heredoc < equals)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) body.push(lines[i++] as string);
      if (i >= lines.length) throw new Error(`file command ${name}: missing closing delimiter ${delimiter}`);
      values[name] = body.join('\n');
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`file command: cannot parse line "${line}"`);
    }
  }
  return values;
}
