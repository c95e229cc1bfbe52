import type { Cadence } from '@statisfy/posthog-sdk'
import { describe, expect, it } from 'vitest'
import { dueSlots } from './cadenceSlots'

const at = (iso: string) => Date.parse(iso)
const iso = (ms: number[]) => ms.map((m) => new Date(m).toISOString())

describe('dueSlots', () => {
  it('lists every-N-minutes slots after the last one up to now, aligned like nextRuns', () => {
    const cadence: Cadence = { kind: 'every_minutes', minutes: 15, timeZone: 'UTC' }
    expect(iso(dueSlots(cadence, at('2026-03-01T10:00:00Z'), at('2026-03-01T10:50:00Z')))).toEqual([
      '2026-03-01T10:15:00.000Z',
      '2026-03-01T10:30:00.000Z',
      '2026-03-01T10:45:00.000Z',
    ])
  })

  it('is empty when nothing is due yet', () => {
    const cadence: Cadence = { kind: 'daily', at: '02:00', timeZone: 'UTC' }
    expect(dueSlots(cadence, at('2026-03-01T02:00:00Z'), at('2026-03-02T01:59:59Z'))).toEqual([])
  })

  it('runs a daily 01:30 America/New_York query once on the fall-back day (the repeated 01:30 is one slot)', () => {
    const cadence: Cadence = { kind: 'daily', at: '01:30', timeZone: 'America/New_York' }
    // 2026-11-01: clocks go back at 02:00 EDT to 01:00 EST, so 01:30 happens twice (05:30Z and 06:30Z).
    const slots = dueSlots(cadence, at('2026-10-31T12:00:00Z'), at('2026-11-02T00:00:00Z'))
    expect(iso(slots)).toEqual(['2026-11-01T05:30:00.000Z'])
  })

  it('runs a daily 02:30 America/New_York query once, shifted, on the spring-forward day (never zero times)', () => {
    const cadence: Cadence = { kind: 'daily', at: '02:30', timeZone: 'America/New_York' }
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist and runs at 03:00 EDT (07:00Z).
    const slots = dueSlots(cadence, at('2026-03-07T12:00:00Z'), at('2026-03-09T00:00:00Z'))
    expect(iso(slots)).toEqual(['2026-03-08T07:00:00.000Z'])
  })

  it('keeps real hours for an hourly query across both DST changes: 23 slots on the short local day, 25 on the long one', () => {
    const cadence: Cadence = { kind: 'every_minutes', minutes: 60, timeZone: 'UTC' }
    // New York midnight to midnight: 23 real hours on 2026-03-08, 25 on 2026-11-01.
    const spring = dueSlots(cadence, at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'))
    const fall = dueSlots(cadence, at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'))
    expect(spring).toHaveLength(23)
    expect(fall).toHaveLength(25)
    for (const slots of [spring, fall]) {
      for (let i = 1; i < slots.length; i++) expect((slots[i] as number) - (slots[i - 1] as number)).toBe(3_600_000)
    }
  })

  it('cuts a very long gap to its newest slots instead of walking it all', () => {
    const cadence: Cadence = { kind: 'every_minutes', minutes: 1, timeZone: 'UTC' }
    const slots = dueSlots(cadence, 0, at('2026-03-01T00:00:00Z'))
    expect(slots.at(-1)).toBe(at('2026-03-01T00:00:00Z'))
    expect(slots.length).toBe(110_000)
  })
})
