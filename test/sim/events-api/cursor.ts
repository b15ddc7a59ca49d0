/**
 * Opaque, tamper-proof cursors. A cursor carries the whole position (account, feed, version, place in
 * the ingest log, page size, time filter), so the server keeps no per-cursor state: a request that is
 * never answered (an injected fault) cannot move anything.
 *
 * Sealed SIV-style: the HMAC of the payload is both the authentication tag and the AES-CTR IV, so the
 * encoding is deterministic (an idle stream hands back the very same string) and clients cannot read
 * or edit what is inside, as with the real API.
 */
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { API_VERSIONS, isFeed, type ApiVersion, type Feed } from '../../../src/onepassword/feeds.ts';
import type { Instant } from './timestamps.ts';

export interface CursorState {
  account: string;
  feed: Feed;
  version: ApiVersion;
  /** Next index of the feed's ingest log to examine. */
  position: number;
  limit: number;
  start: Instant;
  end?: Instant;
  /** Only when cursors expire: when this cursor was handed out (clock ms). */
  mintedAt?: number;
}

const FORMAT = 1;
const TAG_BYTES = 16;

export class CursorCodec {
  private readonly macKey: Buffer;
  private readonly encryptionKey: Buffer;

  /** `secret`: 32+ random bytes per simulator; cursors of another simulator are foreign. */
  constructor(secret: Buffer) {
    this.macKey = createHmac('sha256', secret).update('cursor-mac').digest();
    this.encryptionKey = createHmac('sha256', secret).update('cursor-encryption').digest();
  }

  encode(state: CursorState): string {
    const payload = Buffer.from(
      JSON.stringify([
        FORMAT,
        state.account,
        state.feed,
        state.version,
        state.position,
        state.limit,
        state.start.ms,
        state.start.subNanos,
        state.end?.ms ?? null,
        state.end?.subNanos ?? null,
        state.mintedAt ?? null,
      ]),
    );
    const tag = this.tag(payload);
    const cipher = createCipheriv('aes-256-ctr', this.encryptionKey, tag);
    return Buffer.concat([tag, cipher.update(payload), cipher.final()]).toString('base64url');
  }

  /** The state of a cursor this simulator issued, or undefined for anything else. */
  decode(cursor: string): CursorState | undefined {
    if (!/^[A-Za-z0-9_-]{40,}$/.test(cursor)) return undefined;
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.length <= TAG_BYTES) return undefined;
    const tag = bytes.subarray(0, TAG_BYTES);
    const decipher = createDecipheriv('aes-256-ctr', this.encryptionKey, tag);
    const payload = Buffer.concat([decipher.update(bytes.subarray(TAG_BYTES)), decipher.final()]);
    if (!timingSafeEqual(tag, this.tag(payload))) return undefined;
    // Authentic, so the payload is one we wrote; still, read it defensively.
    const fields: unknown = JSON.parse(payload.toString('utf8'));
    if (!Array.isArray(fields) || fields[0] !== FORMAT) return undefined;
    const [, account, feed, version, position, limit, startMs, startSub, endMs, endSub, mintedAt] = fields;
    if (typeof account !== 'string' || typeof feed !== 'string' || !isFeed(feed)) return undefined;
    if (!(API_VERSIONS as readonly unknown[]).includes(version)) return undefined;
    return {
      account,
      feed,
      version: version as ApiVersion,
      position: Number(position),
      limit: Number(limit),
      start: { ms: Number(startMs), subNanos: Number(startSub) },
      ...(endMs === null ? {} : { end: { ms: Number(endMs), subNanos: Number(endSub) } }),
      ...(mintedAt === null ? {} : { mintedAt: Number(mintedAt) }),
    };
  }

  private tag(payload: Buffer): Buffer {
    return createHmac('sha256', this.macKey).update(payload).digest().subarray(0, TAG_BYTES);
  }
}
