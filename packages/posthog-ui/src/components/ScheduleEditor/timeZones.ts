/**
 * The IANA time zones to offer: `supported` (by default the engine's, `Intl.supportedValuesOf`), with UTC and the
 * current value always present (some engines list only canonical zones and leave out `UTC` or an alias a saved
 * query may use). Called at render, never at import time, so server rendering and old engines are fine.
 */
export function timeZoneOptions(current: string, supported: readonly string[] = engineTimeZones()): string[] {
  const zones = new Set(['UTC', ...supported])
  zones.add(current)
  return [...zones].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)))
}

function engineTimeZones(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function'
    ? Intl.supportedValuesOf('timeZone')
    : ['UTC', 'Europe/London', 'America/New_York']
}

/** The visitor's time zone, for a new schedule's default. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}
