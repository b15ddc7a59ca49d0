import { ExportError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { API_VERSIONS, isFeed } from '../onepassword/feeds.ts';
import type { StateDocument } from './document.ts';

/**
 * Reads a state document from JSON text. `origin` names where it came from (a file, a cache key, a
 * repository path) so the error says which copy is broken.
 *
 * - Not JSON, or not the shape we write: throws ExportError('internal'), naming the origin and field.
 * - A `schema` this version does not know (written by a newer release): warning, returns undefined,
 *   so the run behaves as if there were no state rather than misreading cursors.
 */
export function parseStateDocument(text: string, origin: string, logger: Logger): StateDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(origin, 'it is not JSON');
  }
  if (!isObject(value)) throw invalid(origin, 'it is not a JSON object');
  if (value.schema !== 1) {
    logger.warning(
      `State in ${origin} has schema ${JSON.stringify(value.schema)}, which this version does not know; ` +
        'ignoring it and starting as if there were no state.',
    );
    return undefined;
  }
  for (const field of ['account', 'server', 'updatedAt', 'writtenBy'] as const) {
    if (typeof value[field] !== 'string') throw invalid(origin, `"${field}" is not a string`);
  }
  if (!isTimestamp(value.updatedAt)) throw invalid(origin, '"updatedAt" is not a time');
  if (!isObject(value.feeds)) throw invalid(origin, '"feeds" is not an object');
  for (const [feed, feedState] of Object.entries(value.feeds)) {
    if (!isFeed(feed)) throw invalid(origin, `unknown feed "${feed}"`);
    checkFeedState(feedState, `feeds.${feed}`, origin);
  }
  return value as unknown as StateDocument;
}

function checkFeedState(value: unknown, where: string, origin: string): void {
  if (!isObject(value)) throw invalid(origin, `"${where}" is not an object`);
  if (typeof value.cursor !== 'string' || value.cursor === '') {
    throw invalid(origin, `"${where}.cursor" is not a non-empty string`);
  }
  if (!(API_VERSIONS as readonly unknown[]).includes(value.apiVersion)) {
    throw invalid(origin, `"${where}.apiVersion" is not one of ${API_VERSIONS.join(', ')}`);
  }
  if (!isTimestamp(value.savedAt)) throw invalid(origin, `"${where}.savedAt" is not a time`);
  if (!Array.isArray(value.recentUuids) || !value.recentUuids.every((uuid) => typeof uuid === 'string')) {
    throw invalid(origin, `"${where}.recentUuids" is not a list of strings`);
  }
  if (value.newestEventTime !== undefined && typeof value.newestEventTime !== 'string') {
    throw invalid(origin, `"${where}.newestEventTime" is not a string`);
  }
}

function invalid(origin: string, reason: string): ExportError {
  return new ExportError('internal', `State in ${origin} is not a valid state document: ${reason}.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** The exact bytes every store writes, so copies of one document compare equal. */
export function serializeStateDocument(doc: StateDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
