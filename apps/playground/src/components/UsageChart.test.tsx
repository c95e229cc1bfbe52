import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { toSeries } from '../series/toSeries'
import { UsageChart } from './UsageChart'

const T0 = Date.parse('2026-06-01T00:00:00Z')
const rows = [5, 9, 2].map((value, day) => ({
  metric: 'feature_used',
  timestamp: new Date(T0 + day * 86_400_000).toISOString(),
  timestampMs: T0 + day * 86_400_000,
  value,
  queryId: 'q',
  runId: day < 2 ? 'run_a' : 'run_b',
}))

describe('UsageChart', () => {
  it('is one image named by its summary, inside a figure named by the metric', () => {
    const [series] = toSeries(rows)
    render(<UsageChart series={series!} />)
    const figure = screen.getByRole('figure', { name: 'feature_used' })
    const image = within(figure).getByRole('img')
    expect(image).toHaveAccessibleName(
      'feature_used: 3 points from Jun 1, 2026 to Jun 3, 2026; lowest 2, highest 9, latest 2.',
    )
    // One vertex per point, in time order, the highest value at the top of the plot.
    const polyline = figure.querySelector('polyline')
    const ys = polyline
      ?.getAttribute('points')
      ?.split(' ')
      .map((xy) => Number(xy.split(',')[1]))
    expect(ys).toHaveLength(3)
    expect(Math.min(...(ys ?? []))).toBe(ys?.[1])
  })

  it('lists every value with the run that wrote it in a data table', async () => {
    const [series] = toSeries(rows)
    render(<UsageChart series={series!} runLabel={(id) => `Run ${id}`} />)
    await userEvent.click(screen.getByText('Data table (3 points)'))
    const table = screen.getByRole('table', { name: 'feature_used per day' })
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      )
    expect(cells).toEqual([
      ['2026-06-01 00:00:00Z', '5', 'Run run_a'],
      ['2026-06-02 00:00:00Z', '9', 'Run run_a'],
      ['2026-06-03 00:00:00Z', '2', 'Run run_b'],
    ])
  })

  it('draws a single point in the middle rather than dividing by a zero span', () => {
    const [series] = toSeries(rows.slice(0, 1))
    const { container } = render(<UsageChart series={series!} />)
    const [x, y] = (container.querySelector('polyline')?.getAttribute('points') ?? '').split(',').map(Number)
    expect(Number.isFinite(x)).toBe(true)
    expect(Number.isFinite(y)).toBe(true)
  })
})
