import { PostHogSettings } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { withLiveBackend } from './LiveBackend'

const meta = {
  title: 'Live/PostHogSettings',
  component: PostHogSettings,
  decorators: [withLiveBackend],
  tags: ['!test', '!autodocs'], // live: not in `pnpm test:stories` (CI runs no demo), no docs page
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          "The composed page against the demo's sync worker and the local PostHog emulator (`pnpm demo`, then " +
          '`pnpm storybook`): the demo tenant as the playground shows it, not connected until a connection is saved ' +
          '(here or in the playground), with the queries saved since.',
      },
    },
  },
} satisfies Meta<typeof PostHogSettings>
export default meta
type Story = StoryObj<typeof meta>

/** Connect, write HogQL, preview real rows, map, schedule, save and run a sync against the emulator. */
export const Emulator: Story = {}
