import { type Cadence, ScheduleEditor } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { dark, narrow, withKitRoot } from './StoryBackend'

const now = new Date('2026-03-27T12:00:00Z')

function Controlled({
  initial,
  others = [],
  limitPerHour,
}: {
  initial: Cadence
  others?: Cadence[]
  limitPerHour?: number
}) {
  const [value, setValue] = useState(initial)
  return (
    <ScheduleEditor value={value} onChange={setValue} otherCadences={others} limitPerHour={limitPerHour} now={now} />
  )
}

const meta = {
  title: 'Components/ScheduleEditor',
  decorators: [withKitRoot],
  component: Controlled,
  parameters: {
    docs: { description: { component: 'When a query runs, the next five runs in its zone, and the request budget.' } },
  },
} satisfies Meta<typeof Controlled>
export default meta
type Story = StoryObj<typeof meta>

/** Daily at 06:30 Berlin time, across the change to summer time. */
export const Daily: Story = { args: { initial: { kind: 'daily', at: '06:30', timeZone: 'Europe/Berlin' } } }

export const Weekly: Story = {
  args: { initial: { kind: 'weekly', weekday: 'friday', at: '18:00', timeZone: 'America/New_York' } },
}

/** Day 31 runs on the last day of shorter months. */
export const MonthlyMonthEnd: Story = { args: { initial: { kind: 'monthly', day: 31, at: '02:00', timeZone: 'UTC' } } }

export const EveryFifteenMinutes: Story = { args: { initial: { kind: 'every_minutes', minutes: 15, timeZone: 'UTC' } } }

/** Too many fast schedules on one key. */
export const OverBudget: Story = {
  args: { initial: { kind: 'every_minutes', minutes: 5, timeZone: 'UTC' }, limitPerHour: 10 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/Over the key’s hourly budget/)).toBeVisible()
  },
}

/** Switching to weekly by keyboard keeps the time and zone. */
export const KeyboardOnly: Story = {
  args: Daily.args,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.selectOptions(canvas.getByLabelText('Runs'), 'weekly')
    await expect(canvas.getByLabelText('On')).toHaveValue('monday')
    await expect(canvas.getByLabelText('At')).toHaveValue('06:30')
  },
}

/** An interval under 5 minutes is refused. */
export const InvalidInterval: Story = {
  args: EveryFifteenMinutes.args,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByLabelText('Every (minutes)')
    await userEvent.clear(input)
    await userEvent.type(input, '2')
    await expect(input).toHaveAttribute('aria-invalid', 'true')
  },
}

export const DarkTheme: Story = { args: Daily.args, parameters: dark }

export const NarrowWidth: Story = { args: Daily.args, parameters: narrow }
