import { SyncHistory } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { queuedRun, runningRun, runs, stalledRun } from '../test/fixtures'
import { dark, narrow, withBackend } from './StoryBackend'

const meta = {
  title: 'Components/SyncHistory',
  component: SyncHistory,
  decorators: [withBackend],
  args: { queryId: 'usage-daily' },
  parameters: { docs: { description: { component: 'Runs, rows per run, rejected rows by reason, CSV, run now.' } } },
} satisfies Meta<typeof SyncHistory>
export default meta
type Story = StoryObj<typeof meta>

export const Success: Story = {}
export const Empty: Story = { parameters: { backend: { runs: [] } } }
export const Loading: Story = { parameters: { backend: { pending: ['listRuns'] } } }
export const ServerError: Story = {
  parameters: {
    backend: { fail: { listRuns: { status: 500, code: 'internal_error', message: 'The run store is unavailable.' } } },
  },
}

/** The latest run failed because PostHog rate-limited the key. */
export const RateLimited: Story = {
  parameters: { backend: { runs: [runs[3], ...runs].filter((r) => r !== undefined) } },
  play: async ({ canvasElement }) => {
    await expect((await within(canvasElement).findAllByText(/rate-limited the key/))[0]).toBeVisible()
  },
}

/** Sixty runs, paged 20 at a time. */
export const LongData: Story = {
  parameters: {
    backend: {
      runs: Array.from({ length: 60 }, (_, i) => {
        const run = runs[i % runs.length] ?? runs[0]!
        return {
          ...run,
          id: `run-long-${i}`,
          counts: { ...run.counts, written: run.counts.written + ((i * 97) % 400) },
        }
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Load more' }))
    await expect(await canvas.findByRole('button', { name: 'Load more' })).toBeVisible()
  },
}

/** A partial run's rejected rows, grouped by reason with their data. */
export const OpenRejects: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: /Rejected rows/ }))
    await expect(await canvas.findByText('3 of 1,480 values in “day” are not timestamps')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Download CSV' })).toBeVisible()
  },
}

/** Run now asks the scheduler and shows the run when it is reported. */
export const RunNow: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('table')
    await userEvent.click(canvas.getByRole('button', { name: 'Run now' }))
    // The fake scheduler finishes at once: the new run shows up as a thirteenth bar.
    await waitFor(() => expect(canvasElement.querySelectorAll('.sf-chart-bar')).toHaveLength(13))
  },
}

/**
 * A run queued and one running, with its rows read so far, listed above the finished runs; the history refreshes
 * every 2 s while they are in flight.
 */
export const RunInProgress: Story = {
  parameters: { backend: { runs: [queuedRun, runningRun, ...runs] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const running = await canvas.findByText('Running · 12,500 rows read')
    await expect(running).toBeVisible()
    await expect(canvas.getByText('Queued')).toBeVisible()
    // No rejects to open until the run has finished.
    await expect(within(running.closest('tr') as HTMLElement).queryByRole('button')).toBeNull()
  },
}

/**
 * A run whose worker died mid-run (killed, a deploy): the server serves it stalled, its last save older than the
 * handler's limit. It shows as Stalled with when the worker was last heard from and what to do, and is not polled.
 */
export const Stalled: Story = {
  parameters: { backend: { runs: [stalledRun, ...runs] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const chip = await canvas.findByText('Stalled')
    await expect(chip).toBeVisible()
    await expect(canvas.getByText(/no word from the worker since .+ run the query again/)).toBeVisible()
    await expect(canvas.queryByText(/^Running/)).toBeNull()
  },
}

/** The stalled run in the dark theme: the warning chip and text keep their contrast. */
export const StalledDarkTheme: Story = { ...Stalled, parameters: { ...dark, backend: { runs: [stalledRun, ...runs] } } }

export const DarkTheme: Story = { parameters: { ...dark } }
/** At 360 px each run is a block of labelled values instead of a table row, so nothing scrolls sideways. */
export const NarrowWidth: Story = {
  parameters: { ...narrow },
  play: async ({ canvasElement }) => {
    const runs = await within(canvasElement).findByRole('region', { name: 'Runs' })
    await expect(runs.scrollWidth).toBeLessThanOrEqual(runs.clientWidth)
    await expect(within(runs).getAllByText('Written')[1]).toBeVisible()
  },
}
