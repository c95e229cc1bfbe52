// Cadences whose slot falls on a chosen instant, for the tests and benches that need slots to happen while they
// watch: a saved query's cadence has minute granularity and `every_minutes` is at least 5, so "many slots soon" means
// many queries, each due on one of the next minute boundaries, in zones and kinds that differ.
import type { Cadence } from '@statisfy/posthog-sdk'

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const

/** Zones with whole, half and quarter hour offsets, both hemispheres' DST rules. */
export const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'America/Sao_Paulo',
  'Pacific/Auckland',
] as const

function localParts(atMs: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(atMs))
      .map((p) => [p.type, p.value]),
  )
  return {
    at: `${parts.hour}:${parts.minute}`,
    day: Number(parts.day),
    weekday: String(parts.weekday).toLowerCase() as (typeof WEEKDAYS)[number],
  }
}

/**
 * A daily, weekly or monthly cadence in `timeZone` that has a slot at `slotMs` (a minute boundary): its local time
 * of day, on its local weekday or day of the month.
 */
export function cadenceWithSlotAt(kind: 'daily' | 'weekly' | 'monthly', slotMs: number, timeZone: string): Cadence {
  if (slotMs % 60_000 !== 0) throw new RangeError('A cadence slot is on a minute boundary.')
  const local = localParts(slotMs, timeZone)
  switch (kind) {
    case 'daily':
      return { kind, at: local.at, timeZone }
    case 'weekly':
      return { kind, weekday: local.weekday, at: local.at, timeZone }
    case 'monthly':
      return { kind, day: local.day, at: local.at, timeZone }
    default:
      return kind satisfies never
  }
}
