/**
 * What a v1 endpoint serves of a stored (v2) event: the v2-only fields removed (reference §3.3-3.6).
 * Unknown fields are kept: they model the API growing, which would show on both versions.
 */
import type { Feed } from '../../../src/onepassword/feeds.ts';
import type { RawEvent } from '../../../src/onepassword/types.ts';

const V2_ONLY_TOP_LEVEL: Record<Feed, readonly string[]> = {
  auditevents: ['actor_type', 'actor_account_uuid', 'account_uuid'],
  itemusages: ['account_uuid'],
  signinattempts: ['account_uuid'],
};

/** Objects that are a UserV2 on v2 and a User (uuid, name, email) on v1. */
const USER_OBJECTS: Record<Feed, readonly string[]> = {
  auditevents: ['actor_details', 'object_details', 'aux_details'],
  itemusages: ['user'],
  signinattempts: ['target_user'],
};

const V2_ONLY_USER_FIELDS = ['user_type', 'user_account_uuid'];

/** Mutates and returns `event` (callers pass a fresh parse). */
export function toV1(feed: Feed, event: RawEvent): RawEvent {
  for (const key of V2_ONLY_TOP_LEVEL[feed]) delete event[key];
  for (const key of USER_OBJECTS[feed]) {
    const user = event[key];
    if (typeof user === 'object' && user !== null) {
      for (const field of V2_ONLY_USER_FIELDS) delete (user as Record<string, unknown>)[field];
    }
  }
  return event;
}
