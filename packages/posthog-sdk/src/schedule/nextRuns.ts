import { Cron } from 'croner'
import type { Cadence, Weekday } from '../config/cadence'

const CRON_WEEKDAY: Record<Weekday, string> = {
  monday: 'MON',
  tuesday: 'TUE',
  wednesday: 'WED',
  thursday: 'THU',
  friday: 'FRI',
  saturday: 'SAT',
  sunday: 'SUN',
}

const MINUTE_MS = 60_000

/**
 * The next `count` run times of a cadence strictly after `from`, as UTC instants.
 *
 * Daily, weekly and monthly cadences follow the wall clock of their IANA time zone, DST included: on the night clocks
 * go forward, a time inside the gap (02:30 in Europe/Berlin) runs at the first valid local time after it; on the
 * night they go back, a repeated time runs once, at its first occurrence. A monthly day past the month's end runs
 * on the month's last day (31 → 30 April, 28/29 February). `every_minutes` runs at fixed intervals aligned to
 * midnight UTC, so a 15-minute cadence runs at :00, :15, :30, :45 whatever the zone.
 *
 * @example nextRuns({ kind: 'daily', at: '06:30', timeZone: 'Europe/Berlin' }, new Date(), 5)
 */
export function nextRuns(cadence: Cadence, from: Date, count: number): Date[] {
  if (count <= 0) return []
  switch (cadence.kind) {
    case 'every_minutes': {
      const step = cadence.minutes * MINUTE_MS
      const first = Math.floor(from.getTime() / step) * step + step
      return Array.from({ length: count }, (_, i) => new Date(first + i * step))
    }
    case 'daily':
      return cronRuns(`${minuteHour(cadence.at)} * * *`, cadence.timeZone, from, count)
    case 'weekly':
      return cronRuns(`${minuteHour(cadence.at)} * * ${CRON_WEEKDAY[cadence.weekday]}`, cadence.timeZone, from, count)
    case 'monthly':
      return monthlyRuns(cadence.day, cadence.at, cadence.timeZone, from, count)
    default:
      return cadence satisfies never
  }
}

/** The next run time of a cadence strictly after `from`. */
export function nextRun(cadence: Cadence, from: Date): Date {
  const [next] = nextRuns(cadence, from, 1)
  if (!next) throw new RangeError('A cadence always has a next run.')
  return next
}

function minuteHour(at: string): string {
  const [hour, minute] = at.split(':')
  return `${Number(minute)} ${Number(hour)}`
}

// Building a Cron parses its pattern; a worker asks for a cadence's runs on every tick of every query. A paused Cron
// asked for runs after a given instant keeps no state between calls, so one per pattern and zone is shared.
const MAX_CRONS = 2000
const crons = new Map<string, Cron>()

function cronOf(pattern: string, timeZone: string): Cron {
  const key = `${pattern}\u0000${timeZone}`
  let cron = crons.get(key)
  if (!cron) {
    if (crons.size >= MAX_CRONS) crons.clear()
    cron = new Cron(pattern, { timezone: timeZone, paused: true })
    crons.set(key, cron)
  }
  return cron
}

function cronRuns(pattern: string, timeZone: string, from: Date, count: number): Date[] {
  return cronOf(pattern, timeZone).nextRuns(count, from)
}

// Cron has no "day d, or the last day when the month is shorter": ask for day d and the last day ("L"), then keep,
// per month, the one that is min(d, days in month).
function monthlyRuns(day: number, at: string, timeZone: string, from: Date, count: number): Date[] {
  if (day <= 28) return cronRuns(`${minuteHour(at)} ${day} * *`, timeZone, from, count)
  const candidates = cronOf(`${minuteHour(at)} ${day},L * *`, timeZone)
  const runs: Date[] = []
  let cursor = from
  while (runs.length < count) {
    const next = candidates.nextRun(cursor)
    if (!next) break
    const { dayOfMonth, daysInMonth } = localDay(next, timeZone)
    if (dayOfMonth === Math.min(day, daysInMonth)) runs.push(next)
    cursor = next
  }
  return runs
}

function localDay(instant: Date, timeZone: string): { dayOfMonth: number; daysInMonth: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(instant)
    .reduce<Record<string, number>>((acc, part) => {
      if (part.type !== 'literal') acc[part.type] = Number(part.value)
      return acc
    }, {})
  const year = parts.year ?? 1970
  const month = parts.month ?? 1
  return { dayOfMonth: parts.day ?? 1, daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate() }
}
