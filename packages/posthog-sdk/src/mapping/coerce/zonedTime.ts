const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

// No zone changes its offset before 1800 (the time zone database starts in the 1840s; before, each zone is on its local
// mean time). Reading earlier offsets at 1800 keeps the years from Date.UTC, which moves years 0-99 to the 1900s, and
// from `en-US`, which writes years BC without a sign.
const EARLIEST_RULE_MS = Date.UTC(1800, 0, 1)

/** Offset of `timeZone` from UTC at the instant `instantMs`, in milliseconds (positive east of Greenwich). */
export function offsetAt(instantMs: number, timeZone: string): number {
  const utcMs = Math.max(instantMs, EARLIEST_RULE_MS)
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000))
}

/**
 * The UTC instant of a wall-clock time in `timeZone` (given as if it were UTC, `localMs = Date.UTC(...)`).
 * ClickHouse prints `DateTime('Zone')` values without an offset; the zone is only in the column type.
 * Around DST changes it resolves like Temporal's `'compatible'` disambiguation: a repeated wall time (fall back) gives
 * the earlier instant, a skipped one (spring forward) is moved forward by the gap.
 */
export function zonedWallTimeToUtc(localMs: number, timeZone: string): number {
  const DAY = 86_400_000
  const before = offsetAt(localMs - DAY, timeZone)
  const after = offsetAt(localMs + DAY, timeZone)
  const early = localMs - before
  const late = localMs - after
  const earlyValid = offsetAt(early, timeZone) === before
  const lateValid = offsetAt(late, timeZone) === after
  if (earlyValid && lateValid) return Math.min(early, late)
  if (earlyValid) return early
  if (lateValid) return late
  // In the gap: read the wall time with the offset in force before it, which lands after the jump.
  return early
}

/** True when `timeZone` is a zone name `Intl` knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}
