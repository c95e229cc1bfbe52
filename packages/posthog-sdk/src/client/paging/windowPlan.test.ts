import { describe, expect, it } from 'vitest'
import { analyzeHogQL } from './analyzeHogQL'
import { binSecondsFor, histogramQuery, planFromHistogram } from './windowPlan'

const hour = 3_600_000

describe('histogramQuery', () => {
  it('counts the query as written per bin of the time column, without its trailing semicolon', () => {
    const hogql = 'select ts from events where timestamp >= {period_start} and timestamp < {period_end} -- note\n;'
    const query = histogramQuery(hogql, analyzeHogQL(hogql), 'ts', 60)
    expect(query).toBe(
      'SELECT intDiv(toUnixTimestamp(`ts`), 60) AS bin, count() AS row_count FROM (\nselect ts from events where timestamp >= {period_start} and timestamp < {period_end} -- note\n\n) GROUP BY bin ORDER BY bin LIMIT 10001',
    )
  })

  it('quotes a column name with backticks in it', () => {
    expect(histogramQuery('select 1', analyzeHogQL('select 1'), 'a`b', 1)).toContain('toUnixTimestamp(`a\\`b`)')
  })
})

describe('binSecondsFor', () => {
  it('uses whole seconds, at most 10,000 bins, and at least one second', () => {
    expect(binSecondsFor(0, 400 * 24 * hour)).toBe(3456)
    expect(binSecondsFor(0, 1500)).toBe(1)
    expect(binSecondsFor(0, 10_000_001_000)).toBe(1001)
  })
})

describe('planFromHistogram', () => {
  // Bins of one hour: 30 rows in hour 0, 30 in hour 1, 80 in hour 2, none in hour 3, 10 in hour 4.
  const result = {
    results: [
      [2, 80],
      [0, 30],
      [1, '30'],
      [4, 10],
    ],
  }
  const plan = planFromHistogram(result, 3600, 60, 10 * hour)

  it('cuts at the first bin that would take a window past the target', () => {
    expect(plan?.spanFrom(0)).toBe(2 * hour)
  })

  it('gives a bin larger than the target a window of its own, up to the next bin with rows', () => {
    expect(plan?.spanFrom(2 * hour)).toBe(2 * hour)
  })

  it('counts the bin the cursor is inside, and runs to the end after the last bin', () => {
    expect(plan?.spanFrom(1.5 * hour)).toBe(0.5 * hour)
    expect(plan?.spanFrom(3 * hour)).toBe(7 * hour)
  })

  it('skips rows without a time, and refuses a result that is not bins and counts', () => {
    expect(
      planFromHistogram(
        {
          results: [
            [null, 5],
            [0, 1],
          ],
        },
        1,
        10,
        1000,
      )?.spanFrom(0),
    ).toBe(1000)
    expect(planFromHistogram({ results: [['2025-06-01', 5]] }, 1, 10, 1000)).toBeUndefined()
    expect(planFromHistogram({ results: [[0, -1]] }, 1, 10, 1000)).toBeUndefined()
    expect(planFromHistogram({ results: [5] as unknown as unknown[][] }, 1, 10, 1000)).toBeUndefined()
  })
})
