import { PostHogSettings } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { dark, narrow, withBackend } from './StoryBackend'

const meta = {
  title: 'Pages/PostHogSettings',
  component: PostHogSettings,
  decorators: [withBackend],
  args: { now: new Date('2026-11-27T10:00:00Z') },
  parameters: { layout: 'fullscreen', docs: { description: { component: 'The composed settings page.' } } },
} satisfies Meta<typeof PostHogSettings>
export default meta
type Story = StoryObj<typeof meta>

export const Connected: Story = {}
export const NotConnected: Story = { parameters: { backend: { connection: null, queries: [] } } }
export const Loading: Story = { parameters: { backend: { pending: ['getConnection'] } } }
export const NoQueries: Story = { parameters: { backend: { queries: [], runs: [] } } }

/** Edit the usage query by keyboard and mouse through every step, then save. */
export const EditFlow: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const edit = await canvas.findAllByRole('button', { name: 'Edit' })
    await userEvent.click(edit[0] as HTMLElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }))
    await expect(await canvas.findByText('100 rows')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }))
    await expect(await canvas.findByText('Accounts matched: 7 of 9 (78%)')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }))
    // The query groups by toDate(timestamp): its grain is suggested as "day".
    await expect(canvas.getByLabelText('Rows are aggregated per')).toHaveValue('day')
    await userEvent.selectOptions(canvas.getByLabelText('Runs'), 'weekly')
    await userEvent.click(canvas.getByRole('button', { name: 'Save query' }))
    await expect(await canvas.findByRole('button', { name: 'Add query' })).toBeVisible()
  },
}

export const DarkTheme: Story = { parameters: { ...dark } }
export const NarrowWidth: Story = { parameters: { ...narrow } }
