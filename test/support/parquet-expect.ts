/**
 * Independent expectations for read-back tests: what DuckDB must return for an event, computed from
 * the event itself with plain rules (nested objects joined with `_`, RFC 3339 parsed by digits), not
 * with the writer's own flattening code.
 */
import { DuckDBInstance } from '@duckdb/node-api';

/** Microseconds since the epoch of an RFC 3339 string, digits below the microsecond truncated. */
export function rfc3339Micros(text: string): bigint {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(
      text,
    );
  if (!m) throw new Error(`not RFC 3339: ${text}`);
  const [, y, mo, d, h, mi, s, frac = '', , sign, oh, om] = m;
  const seconds = BigInt(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000,
  );
  const offset = sign ? BigInt((Number(oh) * 60 + Number(om)) * 60) * (sign === '-' ? -1n : 1n) : 0n;
  return (seconds - offset) * 1_000_000n + BigInt((frac + '000000').slice(0, 6));
}

/** `{a:{b:1}}` -> `{a_b: 1}`; nulls dropped (a null field and an absent one read the same in Parquet). */
export function flattenPlain(
  object: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value))
      flattenPlain(value as Record<string, unknown>, `${prefix}${key}_`, out);
    else out[`${prefix}${key}`] = value;
  }
  return out;
}

export interface ReadBack {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
}

/** Every row of a feed's Parquet files as DuckDB reads them, timestamps as epoch microseconds. */
export async function readFeedParquet(glob: string): Promise<ReadBack> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const source = `read_parquet('${glob}', hive_partitioning = true)`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const columns = described
      .getRowObjectsJS()
      .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const select = columns
      .map((c) => (c.type.startsWith('TIMESTAMP') ? `epoch_us("${c.name}") AS "${c.name}"` : `"${c.name}"`))
      .join(', ');
    const result = await connection.runAndReadAll(`SELECT ${select} FROM ${source}`);
    return { columns, rows: result.getRowObjectsJS() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Compare a read-back row with the original event: every flattened field is either in its typed
 * column (equal, timestamps to the microsecond) or in `extra`; every column without a field is null.
 * Returns the differences (empty when equal).
 */
export function diffRow(
  event: Record<string, unknown>,
  row: Record<string, unknown>,
  columns: ReadBack['columns'],
): string[] {
  const problems: string[] = [];
  const flat = flattenPlain(event);
  const extra =
    row.extra === null || row.extra === undefined
      ? {}
      : flattenPlain(JSON.parse(String(row.extra)) as Record<string, unknown>);
  const columnNames = new Set(columns.map((c) => c.name));
  for (const { name, type } of columns) {
    if (name === 'extra' || name === 'date') continue;
    const expected = flat[name];
    const actual = row[name];
    if (expected === undefined) {
      if (actual !== null) problems.push(`${name}: expected null, got ${String(actual)}`);
    } else if (type.startsWith('TIMESTAMP')) {
      if (BigInt(actual as bigint) !== rfc3339Micros(String(expected)))
        problems.push(`${name}: ${String(actual)} is not ${String(expected)}`);
    } else if (type === 'BIGINT') {
      if (actual === null || BigInt(actual as bigint) !== BigInt(expected as number))
        problems.push(`${name}: ${String(actual)} != ${String(expected)}`);
    } else if (actual !== expected) {
      problems.push(`${name}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    }
  }
  for (const [key, value] of Object.entries(flat)) {
    if (columnNames.has(key)) continue;
    if (JSON.stringify(extra[key]) !== JSON.stringify(value))
      problems.push(`${key}: not in extra (${JSON.stringify(value)})`);
  }
  return problems;
}
