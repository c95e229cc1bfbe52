// Bar widths need real layout, so this runs in Chromium (vitest browser mode): `npx vitest run --project=browser`.
import type { ApiFinishedRun } from '@statisfy/posthog-sdk'
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { runs } from '../../../test/fixtures'
import { KitRoot } from '../../theme/KitRoot'
import { RunsChart } from './RunsChart'

const many = (n: number): ApiFinishedRun[] =>
  Array.from({ length: n }, (_, i) => ({ ...(runs[i % runs.length] as ApiFinishedRun), id: `run-${i}` }))

afterEach(cleanup)

describe.each([640, 320])('RunsChart at %ipx', (width) => {
  it.each([1, 12, 100])('draws %i runs as bounded bars inside the plot', (count) => {
    const { container } = render(
      <KitRoot style={{ width }}>
        <RunsChart runs={many(count)} />
      </KitRoot>,
    )
    const plot = (container.querySelector('.sf-chart-plot') as HTMLElement).getBoundingClientRect()
    const bars = [...container.querySelectorAll('.sf-chart-bar')].map((bar) => bar.getBoundingClientRect())
    expect(bars).toHaveLength(count)
    expect(plot.height).toBeGreaterThan(60)
    for (const bar of bars) {
      // 1.75em of the chart's 0.85 x 14px font at most: one run is a slim bar, not the whole width.
      expect(bar.width).toBeLessThanOrEqual(21)
      expect(bar.right).toBeLessThanOrEqual(plot.right + 0.5)
    }
  })
})
