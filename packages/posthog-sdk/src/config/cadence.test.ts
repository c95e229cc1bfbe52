import { describe, expect, it } from 'vitest'
import { cadenceSchema } from './cadence'

function firstIssue(input: unknown) {
  const result = cadenceSchema.safeParse(input)
  if (result.success) throw new Error('expected a parse failure')
  const [issue] = result.error.issues
  return { path: issue?.path.join('.'), message: issue?.message }
}

describe('cadenceSchema', () => {
  it('accepts each kind', () => {
    for (const cadence of [
      { kind: 'daily', at: '06:30', timeZone: 'Europe/Berlin' },
      { kind: 'weekly', weekday: 'monday', at: '00:00', timeZone: 'America/New_York' },
      { kind: 'monthly', day: 31, at: '23:59', timeZone: 'UTC' },
      { kind: 'every_minutes', minutes: 5, timeZone: 'Asia/Kolkata' },
      { kind: 'every_minutes', minutes: 1440, timeZone: 'UTC' },
    ]) {
      expect(cadenceSchema.parse(cadence)).toEqual(cadence)
    }
  })

  it.each(['24:00', '6:30', '12:60', 'noon', ''])('refuses time %j', (at) => {
    expect(firstIssue({ kind: 'daily', at, timeZone: 'UTC' })).toEqual({
      path: 'at',
      message: expect.stringContaining('HH:MM'),
    })
  })

  it.each(['Mars/Olympus', 'CEST', '+02:00', 'europe berlin', ''])('refuses time zone %j', (timeZone) => {
    expect(firstIssue({ kind: 'daily', at: '06:00', timeZone })).toEqual({
      path: 'timeZone',
      message: expect.stringMatching(/IANA|time zone/),
    })
  })

  it('bounds sub-day intervals to 5 minutes .. 24 hours', () => {
    expect(firstIssue({ kind: 'every_minutes', minutes: 4, timeZone: 'UTC' }).message).toMatch(/every 5 minutes/)
    expect(firstIssue({ kind: 'every_minutes', minutes: 1441, timeZone: 'UTC' }).message).toMatch(
      /daily, weekly or monthly/,
    )
    expect(firstIssue({ kind: 'every_minutes', minutes: 7.5, timeZone: 'UTC' }).message).toMatch(/whole number/)
  })

  it('bounds the day of the month and names the weekdays', () => {
    expect(firstIssue({ kind: 'monthly', day: 0, at: '01:00', timeZone: 'UTC' }).path).toBe('day')
    expect(firstIssue({ kind: 'monthly', day: 32, at: '01:00', timeZone: 'UTC' }).path).toBe('day')
    expect(firstIssue({ kind: 'weekly', weekday: 'funday', at: '01:00', timeZone: 'UTC' })).toEqual({
      path: 'weekday',
      message: expect.stringContaining('monday'),
    })
  })

  it('names the kinds when the kind is unknown', () => {
    expect(firstIssue({ kind: 'hourly', timeZone: 'UTC' }).message).toMatch(/daily, weekly, monthly or every_minutes/)
  })
})
