/**
 * What an alert issue is about. One open issue per (kind, namespace), found again by a hidden marker
 * in its body, so repeat failures comment on it instead of opening another one.
 */
export const ALERT_KINDS = [
  'auth-failed',
  'missing-scope',
  'lost-state',
  'token-expiring',
  'state-conflict',
  'stuck-feed',
  'cursor-refused',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  kind: AlertKind;
  /** Short and stable: the same problem always gets the same title. */
  title: string;
  /** Markdown body of a new issue: what failed, when, the run, what to do. */
  body: string;
  /** One line for the comment added when the same problem happens again. */
  summary: string;
}

const MARKER_PREFIX = '<!-- 1password-events-export alert=';

/**
 * The hidden line that identifies an alert issue. The namespace is URI-encoded so that no value
 * (spaces, `-->`) can end the comment early or make one namespace a prefix of another.
 */
export function alertMarker(kind: AlertKind, namespace: string): string {
  return `${MARKER_PREFIX}${kind} ns=${encodeURIComponent(namespace)} -->`;
}

/** The marker without a namespace, for an Alert built before the namespace is known. */
export function kindMarker(kind: AlertKind): string {
  return `${MARKER_PREFIX}${kind} -->`;
}

/** True when `body` carries the marker of exactly this kind and namespace. */
export function hasAlertMarker(body: string | null | undefined, kind: AlertKind, namespace: string): boolean {
  return (body ?? '').includes(alertMarker(kind, namespace));
}

/** The body with every alert marker line replaced by the one for (kind, namespace), placed first. */
export function stampAlertMarker(body: string, kind: AlertKind, namespace: string): string {
  const withoutMarkers = body
    .split('\n')
    .filter((line) => !line.trimStart().startsWith(MARKER_PREFIX))
    .join('\n')
    .replace(/^\n+/, '');
  return `${alertMarker(kind, namespace)}\n${withoutMarkers}`;
}
