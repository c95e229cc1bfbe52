import { describe, expect, it } from 'vitest'
import { suggestedGrain } from './suggestedGrain'

const periodWindow = 'WHERE timestamp >= {period_start} AND timestamp < {period_end}'

describe('suggestedGrain', () => {
  it('suggests the grain of the query’s bucketing function when it reads the window', () => {
    expect(
      suggestedGrain(`SELECT toStartOfDay(timestamp) AS day, count() FROM events ${periodWindow} GROUP BY day`),
    ).toBe('day')
    expect(suggestedGrain(`SELECT toStartOfWeek(timestamp) AS w, count() FROM events ${periodWindow} GROUP BY w`)).toBe(
      'week_sunday',
    )
  })

  it('suggests nothing for a query without the window, where the SDK refuses a grain', () => {
    expect(suggestedGrain('SELECT toStartOfDay(timestamp) AS day, count() FROM events GROUP BY day')).toBeUndefined()
    expect(
      suggestedGrain('SELECT toStartOfDay(timestamp) AS day FROM events WHERE timestamp >= {period_start}'),
    ).toBeUndefined()
  })

  it('suggests nothing when the query does not bucket by time', () => {
    expect(suggestedGrain(`SELECT event, count() FROM events ${periodWindow} GROUP BY event`)).toBeUndefined()
  })
})
