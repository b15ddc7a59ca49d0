// Generates the README's inputs and outputs tables from action.yml, between marker comments.
// `node scripts/docs.mjs` rewrites README.md; `--check` fails when the README is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';

const START = '<!-- action-docs:start (generated from action.yml by npm run docs; do not edit) -->';
const END = '<!-- action-docs:end -->';

const action = parse(await readFile('action.yml', 'utf8'));
// Markdown table cells: one line, pipes escaped, <placeholders> kept visible (GitHub drops unknown tags).
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const code = (text) => (text === '' || text === undefined ? '' : `\`${text}\``);

const inputs = Object.entries(action.inputs).map(
  ([name, spec]) =>
    `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${code(spec.default)} | ${cell(spec.description)} |`,
);
const outputs = Object.entries(action.outputs).map(
  ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`,
);
const table = [
  START,
  '### Inputs',
  '',
  '| input | required | default | description |',
  '|---|---|---|---|',
  ...inputs,
  '',
  '### Outputs',
  '',
  '| output | description |',
  '|---|---|',
  ...outputs,
  END,
].join('\n');

const readme = await readFile('README.md', 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${START} ... ${END} block`);
  process.exit(1);
}
const updated = readme.slice(0, start) + table + readme.slice(end + END.length);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md inputs/outputs tables differ from action.yml: run npm run docs and commit.');
    process.exit(1);
  }
  console.log('README.md tables match action.yml');
} else {
  await writeFile('README.md', updated);
}
