/**
 * Why a row (or, in the wide custom-field form, one cell) was not written. Stable codes: hosts group, count and
 * translate them; the run report keys its counts by them.
 */
export const RejectReason = {
  /** The account column is null or empty. */
  MissingAccount: 'missing_account',
  /** The account value matched no account in the host's directory. */
  UnmatchedAccount: 'unmatched_account',
  /** The account value matched several accounts and none clearly best (never guessed). */
  AmbiguousAccount: 'ambiguous_account',
  /** The timestamp is not a date-time (or an implausible unix time). */
  BadTimestamp: 'bad_timestamp',
  /** A number was expected (metric value, number field). */
  NotANumber: 'not_a_number',
  /** The metric label column is null or empty. */
  MissingMetric: 'missing_metric',
  /** Long form: the field-name column names no custom field of the catalog. */
  UnknownField: 'unknown_field',
  /** The value is not one of the enum field's allowed values. */
  BadEnumValue: 'bad_enum_value',
  /** A boolean field got something other than true/false/1/0/yes/no. */
  BadBoolean: 'bad_boolean',
  /** A date field got something that is not a calendar date. */
  BadDate: 'bad_date',
  /** A required field or attribute is null or empty. */
  MissingRequired: 'missing_required',
  /** A custom object row has no record key. */
  MissingKey: 'missing_key',
  /** The row has the same natural key as an earlier row of the same result; the earlier one is kept. */
  DuplicateKey: 'duplicate_key',
  /**
   * An integer above 2^53 reached us as a JSON number, so it was already rounded and cannot be used as an id or key.
   * PostHog serialises UInt64/Int64 as bare JSON numbers.
   */
  UnsafeInteger: 'unsafe_integer',
} as const
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason]

/** Every reject reason, in a stable order (for counts tables and schemas). */
export const REJECT_REASONS = Object.values(RejectReason) as [RejectReason, ...RejectReason[]]
