/**
 * How close to the real API the generated events and the served bytes are. `real` (the default)
 * follows what published captures show (reference §10); `idealised` is the earlier, tidier shape that
 * some tests were written against. Each aspect can be switched on its own.
 */
export interface Realism {
  /** `location.country` and sign-in `country` as full names ("Canada") and as codes ("CA"), mixed. */
  countryNames: boolean;
  /** Go's RFC3339Nano drops trailing zeros of the fraction: 8 (or fewer) digits occur. */
  goFractions: boolean;
  /** `user_type`/`user_account_uuid` on audit `actor_details` (no capture shows them there). */
  mspFieldsOnActor: boolean;
  /**
   * Rare audit actions come with the object types they act on, never `changemp` on a `slackapp`;
   * nobody joins the Owners or Administrators group in everyday traffic.
   */
  pairedAuditActions: boolean;
  /** A few people travel, for whole weeks; everyone else stays home (no per-event teleporting). */
  trips: boolean;
  /** Bodies as captures show them: spaces after `:` and `,`; `<`, `>`, `&` escaped as Go does. */
  spacedJson: boolean;
}

export type RealismOption = 'real' | 'idealised' | Partial<Realism>;

export const REAL: Realism = {
  countryNames: true,
  goFractions: true,
  mspFieldsOnActor: false,
  pairedAuditActions: true,
  trips: true,
  spacedJson: true,
};

export const IDEALISED: Realism = {
  countryNames: false,
  goFractions: false,
  mspFieldsOnActor: true,
  pairedAuditActions: false,
  trips: false,
  spacedJson: false,
};

export function resolveRealism(option: RealismOption | undefined): Realism {
  if (option === undefined || option === 'real') return REAL;
  if (option === 'idealised') return IDEALISED;
  return { ...REAL, ...option };
}
