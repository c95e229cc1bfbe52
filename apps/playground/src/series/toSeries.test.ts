import { describe, expect, it } from 'vitest'
import type { UsagePoint } from '../api/importedDataSchemas'
import { describeSeries, toSeries, writersOf } from './toSeries'

const DAY = 86_400_000
const T0 = Date.parse('2026-06-01T00:00:00Z')
const point = (metric: string, day: number, value: number, runId = 'run_1'): UsagePoint => ({
  metric,
  timestamp: new Date(T0 + day * DAY).toISOString(),
  timestampMs: T0 + day * DAY,
  value,
  queryId: 'q_usage',
  runId,
})

describe('toSeries', () => {
  it('groups rows per metric in code-unit order with points in time order, whatever order they came in', () => {
    const series = toSeries([
      point('logins', 2, 5),
      point('$pageview', 1, 9),
      point('logins', 0, 3),
      point('logins', 1, 4),
    ])
    expect(series.map((s) => s.metric)).toEqual(['$pageview', 'logins'])
    expect(series[1]?.points.map((p) => p.value)).toEqual([3, 4, 5])
    expect(series[1]).toMatchObject({ min: 3, max: 5, first: T0, last: T0 + 2 * DAY })
  })

  it('keeps the last row of an instant seen twice (pages overlapping after a re-run)', () => {
    const [series] = toSeries([point('logins', 0, 3, 'run_1'), point('logins', 0, 7, 'run_2')])
    expect(series?.points).toEqual([{ t: T0, value: 7, queryId: 'q_usage', runId: 'run_2' }])
  })

  it('gives no series for no rows', () => {
    expect(toSeries([])).toEqual([])
  })

  it('lists the runs that wrote a series, newest first, with their point counts', () => {
    const [series] = toSeries([
      point('logins', 0, 1, 'run_old'),
      point('logins', 1, 1, 'run_old'),
      point('logins', 2, 1, 'run_new'),
    ])
    expect(series?.writers).toEqual([
      { queryId: 'q_usage', runId: 'run_new', points: 1, lastT: T0 + 2 * DAY },
      { queryId: 'q_usage', runId: 'run_old', points: 2, lastT: T0 + DAY },
    ])
    expect(writersOf([])).toEqual([])
  })

  it('describes a series for screen readers with its span, range and latest value', () => {
    const [series] = toSeries([point('logins', 0, 1200), point('logins', 29, 3.456), point('logins', 3, 80)])
    expect(describeSeries(series!)).toBe(
      'logins: 3 points from Jun 1, 2026 to Jun 30, 2026; lowest 3.46, highest 1,200, latest 3.46.',
    )
    const [single] = toSeries([point('exports', 0, 2)])
    expect(describeSeries(single!)).toBe('exports: 1 point on Jun 1, 2026; lowest 2, highest 2, latest 2.')
  })
})
