import type { RejectReason } from './RejectReason'

/** A row (or cell) that could not be written, and why. */
export interface RowReject {
  /** 1-based position of the row in the query result (all pages together). */
  row: number
  /** The result column that held the offending value. */
  column: string
  /** The offending value as it came from PostHog. */
  value: unknown
  /** Stable reason code. */
  reason: RejectReason
  /** What is wrong and what to do, for people. */
  message: string
}
