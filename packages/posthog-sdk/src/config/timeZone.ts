import * as z from 'zod'

const known = new Map<string, boolean>()

/** True when the runtime's Intl knows `name` as an IANA time zone (`Europe/Berlin`, `UTC`). Cached per name. */
export function isValidTimeZone(name: string): boolean {
  let valid = known.get(name)
  if (valid === undefined) {
    try {
      // Intl rejects unknown zones with a RangeError; offsets like "+02:00" are accepted by newer engines but are
      // not IANA zones and do not follow DST, so they are refused here.
      new Intl.DateTimeFormat('en-US', { timeZone: name })
      valid = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name)
    } catch {
      valid = false
    }
    known.set(name, valid)
  }
  return valid
}

/** An IANA time zone name. */
export const timeZoneSchema = z
  .string({ error: 'Choose a time zone, e.g. Europe/Berlin or UTC.' })
  .refine(isValidTimeZone, {
    error: (issue) =>
      `"${String(issue.input)}" is not an IANA time zone; use a name like Europe/Berlin, America/New_York or UTC.`,
  })
