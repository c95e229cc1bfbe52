import { type AggregationGrain, GrainSelect, suggestGrain } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { dark, narrow, withKitRoot } from './StoryBackend'

const dailyHogql =
  'SELECT toStartOfDay(timestamp) AS day, count() AS value FROM events WHERE timestamp >= {period_start} AND timestamp < {period_end} GROUP BY day'

/** A host's use: pre-filled from the query's HogQL until the person chooses. */
function Controlled({ hogql, saved, error }: { hogql: string; saved?: AggregationGrain; error?: string }) {
  const [chosen, setChosen] = useState<{ grain: AggregationGrain | undefined } | null>(saved ? { grain: saved } : null)
  return (
    <GrainSelect
      value={chosen ? chosen.grain : suggestGrain(hogql)}
      suggested={chosen === null}
      onChange={(grain) => setChosen({ grain })}
      error={error}
    />
  )
}

const meta = {
  title: 'Components/GrainSelect',
  decorators: [withKitRoot],
  component: Controlled,
  parameters: {
    docs: {
      description: {
        component: 'What a saved query’s rows are aggregated per, so sync windows align to whole buckets.',
      },
    },
  },
} satisfies Meta<typeof Controlled>
export default meta
type Story = StoryObj<typeof meta>

/** The query groups by toStartOfDay: "day" is pre-filled and marked as suggested until changed. */
export const Suggested: Story = {
  args: { hogql: dailyHogql },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const select = canvas.getByLabelText('Rows are aggregated per')
    await expect(select).toHaveValue('day')
    await expect(canvas.getByText(/^Suggested: the query groups its rows per day/)).toBeVisible()
    await userEvent.selectOptions(select, 'week_monday')
    await expect(canvas.queryByText(/^Suggested/)).toBeNull()
  },
}

/** A grain saved with the query. */
export const SavedGrain: Story = { args: { hogql: dailyHogql, saved: 'week_sunday' } }

/** Rows not bucketed by time: nothing to suggest. */
export const NotAggregated: Story = {
  args: { hogql: 'SELECT event, count() FROM events WHERE timestamp >= {period_start} GROUP BY event' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Rows are aggregated per')).toHaveValue('')
  },
}

/** A grain on a query that reads no window, refused with the SDK's reason. */
export const NoWindow: Story = {
  args: {
    hogql: 'SELECT toStartOfDay(timestamp) AS day, count() FROM events GROUP BY day',
    saved: 'day',
    error:
      'A grain aligns each run’s time window to "day" buckets, but the query reads no window. Add WHERE timestamp >= {period_start} AND timestamp < {period_end}, or remove the grain.',
  },
}

export const DarkTheme: Story = { args: Suggested.args, parameters: dark }

export const NarrowWidth: Story = { args: Suggested.args, parameters: narrow }
