import { type Cadence, nextRuns } from '@statisfy/posthog-sdk'
import { describe, expect, it } from 'vitest'
import { cronerRepeatStrategy } from './cronerRepeatStrategy'
import { repeatOptionsOf } from './repeatOptionsOf'

const FROM = Date.parse('2026-01-01T00:00:00Z')
const TO = Date.parse('2027-01-01T00:00:00Z')

// The wake-ups BullMQ's job scheduler produces for a cron pattern with the worker's repeat strategy, stepped from
// each wake-up to the next, as BullMQ's worker does after every tick.
function bullmqWakeUps(cadence: Cadence): number[] {
  const repeat = repeatOptionsOf(cadence)
  if (!('pattern' in repeat)) throw new Error('not a cron cadence')
  const wakes: number[] = []
  for (let at = FROM; ; ) {
    at = Number(cronerRepeatStrategy(at, repeat))
    if (at >= TO) return wakes
    wakes.push(at)
  }
}

const slotsOf = (cadence: Cadence) =>
  nextRuns(cadence, new Date(FROM), 800)
    .map((d) => d.getTime())
    .filter((at) => at < TO)

function localTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(at),
  )
}

describe('repeatOptionsOf', () => {
  it('maps every cadence kind to a cron pattern in its zone, or to `every` milliseconds', () => {
    expect(repeatOptionsOf({ kind: 'every_minutes', minutes: 15, timeZone: 'Asia/Kolkata' })).toEqual({
      every: 900_000,
    })
    expect(repeatOptionsOf({ kind: 'daily', at: '06:05', timeZone: 'Europe/Berlin' })).toEqual({
      pattern: '5 6 * * *',
      tz: 'Europe/Berlin',
    })
    expect(repeatOptionsOf({ kind: 'weekly', weekday: 'sunday', at: '23:59', timeZone: 'UTC' })).toEqual({
      pattern: '59 23 * * 0',
      tz: 'UTC',
    })
    expect(repeatOptionsOf({ kind: 'monthly', day: 31, at: '00:00', timeZone: 'UTC' })).toEqual({
      pattern: '0 0 28-31 * *',
      tz: 'UTC',
    })
  })

  // Cadences whose slots BullMQ's cron must hit to the millisecond for a whole year, DST days included.
  const exact: Cadence[] = [
    { kind: 'daily', at: '01:30', timeZone: 'America/New_York' },
    { kind: 'daily', at: '09:15', timeZone: 'Asia/Kolkata' },
    { kind: 'daily', at: '00:00', timeZone: 'Pacific/Chatham' },
    { kind: 'weekly', weekday: 'monday', at: '08:00', timeZone: 'Europe/London' },
    { kind: 'monthly', day: 15, at: '12:45', timeZone: 'Australia/Sydney' },
  ]
  it.each(exact)('wakes exactly at every slot of %j over a year, and never between slots', (cadence) => {
    const slots = slotsOf(cadence)
    expect(slots.length).toBeGreaterThanOrEqual(12)
    expect(bullmqWakeUps(cadence)).toEqual(slots)
  })

  it('wakes on every slot of a monthly day past the 28th (the last day of shorter months); the extra wake-ups find nothing due', () => {
    const cadence: Cadence = { kind: 'monthly', day: 31, at: '06:00', timeZone: 'Australia/Sydney' }
    const wakes = new Set(bullmqWakeUps(cadence))
    const slots = slotsOf(cadence)
    expect(slots).toHaveLength(12)
    for (const slot of slots) expect(wakes.has(slot)).toBe(true)
  })

  // A local time that does not exist on the spring-forward night: the SDK runs it at the first valid time after the
  // gap, and the queue wakes the worker then too (BullMQ's own cron-parser would wake it later, for the sweep to
  // catch).
  it.each([
    { kind: 'daily', at: '02:30', timeZone: 'America/New_York' },
    { kind: 'weekly', weekday: 'sunday', at: '02:30', timeZone: 'Europe/Berlin' },
  ] satisfies Cadence[])(
    'wakes exactly at every slot of %j, the one shifted out of the DST gap included',
    (cadence) => {
      const slots = slotsOf(cadence)
      expect(slots.filter((at) => localTime(at, cadence.timeZone) !== cadence.at)).toHaveLength(1)
      expect(bullmqWakeUps(cadence)).toEqual(slots)
    },
  )

  it('wakes first after the scheduler’s start date when it is later, as BullMQ’s own strategy does', () => {
    const repeat = { pattern: '0 6 * * *', tz: 'UTC', startDate: Date.parse('2026-03-10T12:00:00Z') }
    expect(cronerRepeatStrategy(FROM, repeat)).toBe(Date.parse('2026-03-11T06:00:00Z'))
    expect(cronerRepeatStrategy(Date.parse('2026-04-01T06:00:00Z'), repeat)).toBe(Date.parse('2026-04-02T06:00:00Z'))
    expect(cronerRepeatStrategy(FROM, { every: 60_000 })).toBeUndefined()
  })
})
