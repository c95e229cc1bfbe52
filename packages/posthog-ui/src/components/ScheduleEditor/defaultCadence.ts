import type { Cadence, CadenceKind } from '@statisfy/posthog-sdk'

/** The cadence a kind switch starts from, keeping the time zone and time of day already chosen. */
export function cadenceOfKind(kind: CadenceKind, from: Cadence): Cadence {
  const at = 'at' in from ? from.at : '06:00'
  const timeZone = from.timeZone
  switch (kind) {
    case 'daily':
      return { kind, at, timeZone }
    case 'weekly':
      return { kind, weekday: from.kind === 'weekly' ? from.weekday : 'monday', at, timeZone }
    case 'monthly':
      return { kind, day: from.kind === 'monthly' ? from.day : 1, at, timeZone }
    case 'every_minutes':
      return { kind, minutes: from.kind === 'every_minutes' ? from.minutes : 60, timeZone }
    default:
      return kind satisfies never
  }
}
