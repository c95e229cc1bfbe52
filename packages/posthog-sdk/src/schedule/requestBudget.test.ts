import { describe, expect, it } from 'vitest'
import { projectRequestBudget, runsPerHour } from './requestBudget'

describe('projectRequestBudget', () => {
  it('averages runs per hour per cadence', () => {
    expect(runsPerHour({ kind: 'every_minutes', minutes: 5, timeZone: 'UTC' })).toBe(12)
    expect(runsPerHour({ kind: 'daily', at: '00:00', timeZone: 'UTC' })).toBeCloseTo(1 / 24)
    expect(runsPerHour({ kind: 'weekly', weekday: 'monday', at: '00:00', timeZone: 'UTC' })).toBeCloseTo(1 / 168)
  })

  it('projects requests against the hourly limit', () => {
    const projection = projectRequestBudget([
      { cadence: { kind: 'every_minutes', minutes: 5, timeZone: 'UTC' }, requestsPerRun: 3 },
      { cadence: { kind: 'daily', at: '06:00', timeZone: 'UTC' } },
    ])
    expect(projection.requestsPerHour).toBeCloseTo(36 + 1 / 24)
    expect(projection.limitPerHour).toBe(2400)
    expect(projection.status).toBe('ok')
    expect(
      projectRequestBudget([{ cadence: { kind: 'every_minutes', minutes: 5, timeZone: 'UTC' } }], { perHour: 20 })
        .status,
    ).toBe('tight')
    expect(
      projectRequestBudget([{ cadence: { kind: 'every_minutes', minutes: 5, timeZone: 'UTC' } }], { perHour: 10 })
        .status,
    ).toBe('over')
  })
})
