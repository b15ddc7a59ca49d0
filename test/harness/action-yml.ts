import { readFile } from 'node:fs/promises';

/**
 * Just enough YAML for action.yml: nested mappings of scalars (plain, quoted, or `>`/`|` block
 * scalars) and comments. Sequences and anchors are refused loudly rather than misread.
 */
export type YamlNode = string | YamlMap;
export interface YamlMap {
  [key: string]: YamlNode;
}

export interface ActionInput {
  description?: string;
  required: boolean;
  default?: string;
}

export interface ActionMetadata {
  inputs: Map<string, ActionInput>;
  runs: Record<string, string>;
}

export async function readActionMetadata(path: string): Promise<ActionMetadata> {
  const document = parseYamlMapping(await readFile(path, 'utf8'));
  const inputs = new Map<string, ActionInput>();
  const declared = document.inputs;
  if (declared !== undefined && typeof declared !== 'string') {
    for (const [name, spec] of Object.entries(declared)) {
      const fields = typeof spec === 'string' ? {} : spec;
      const input: ActionInput = { required: fields.required === 'true' };
      if (typeof fields.description === 'string') input.description = fields.description;
      if (typeof fields.default === 'string') input.default = fields.default;
      inputs.set(name, input);
    }
  }
  const runs: Record<string, string> = {};
  if (document.runs !== undefined && typeof document.runs !== 'string') {
    for (const [key, value] of Object.entries(document.runs))
      if (typeof value === 'string') runs[key] = value;
  }
  return { inputs, runs };
}

interface Line {
  indent: number;
  text: string;
  number: number;
}

export function parseYamlMapping(source: string): YamlMap {
  const lines: Line[] = source.split(/\r?\n/).map((raw, index) => ({
    indent: raw.length - raw.trimStart().length,
    text: raw.trimEnd(),
    number: index + 1,
  }));
  const root: YamlMap = {};
  let cursor = 0;

  const isBlank = (line: Line) => line.text.trim() === '' || line.text.trim().startsWith('#');

  const parseMap = (target: YamlMap, indent: number): void => {
    while (cursor < lines.length) {
      const line = lines[cursor] as Line;
      if (isBlank(line)) {
        cursor++;
        continue;
      }
      if (line.indent < indent) return;
      if (line.indent > indent) throw new Error(`action.yml line ${line.number}: unexpected indentation`);
      const body = line.text.trim();
      if (body.startsWith('- ') || body === '-')
        throw new Error(`action.yml line ${line.number}: sequences are not supported`);
      const match = /^("[^"]*"|'[^']*'|[^:#]+?)\s*:(?:\s+(.*))?$/.exec(body);
      if (!match) throw new Error(`action.yml line ${line.number}: expected "key: value"`);
      const key = unquote(match[1] as string);
      const rest = match[2]?.trim() ?? '';
      cursor++;
      if (/^[>|][+-]?$/.test(rest)) {
        target[key] = blockScalar(rest, indent);
      } else if (rest === '' || rest.startsWith('#')) {
        const child: YamlMap = {};
        const next = nextContentLine();
        if (next && next.indent > indent) parseMap(child, next.indent);
        target[key] = Object.keys(child).length > 0 ? child : '';
      } else {
        target[key] = scalar(rest, line.number);
      }
    }
  };

  const nextContentLine = (): Line | undefined => {
    for (let i = cursor; i < lines.length; i++) if (!isBlank(lines[i] as Line)) return lines[i];
    return undefined;
  };

  const blockScalar = (indicator: string, parentIndent: number): string => {
    const collected: string[] = [];
    let blockIndent: number | undefined;
    while (cursor < lines.length) {
      const line = lines[cursor] as Line;
      if (line.text.trim() !== '') {
        if (line.indent <= parentIndent) break;
        blockIndent ??= line.indent;
        collected.push(line.text.slice(blockIndent));
      } else {
        collected.push('');
      }
      cursor++;
    }
    while (collected.at(-1) === '') collected.pop();
    const folded = indicator.startsWith('>')
      ? collected.join(' ').replace(/ {2,}/g, ' ')
      : collected.join('\n');
    return indicator.endsWith('-') ? folded : `${folded}\n`;
  };

  parseMap(root, 0);
  return root;
}

function scalar(raw: string, lineNumber: number): string {
  if (raw.startsWith("'")) {
    const end = raw.lastIndexOf("'");
    if (end === 0) throw new Error(`action.yml line ${lineNumber}: unterminated quote`);
    return raw.slice(1, end).replace(/''/g, "'");
  }
  if (raw.startsWith('"')) {
    const end = raw.lastIndexOf('"');
    if (end === 0) throw new Error(`action.yml line ${lineNumber}: unterminated quote`);
    return JSON.parse(raw.slice(0, end + 1)) as string;
  }
  if (raw.startsWith('&') || raw.startsWith('*'))
    throw new Error(`action.yml line ${lineNumber}: anchors are not supported`);
  // A plain scalar ends at " #" (a comment).
  return raw.replace(/\s+#.*$/, '').trim();
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key.trim();
}
