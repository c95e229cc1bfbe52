import { PostHogSettings } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { withLiveBackend } from './LiveBackend'

const meta = {
  title: 'Live/PostHogSettings',
  component: PostHogSettings,
  decorators: [withLiveBackend],
  tags: ['!test', '!autodocs'], // live: not in `pnpm test:stories` (CI has no demo backend), no docs page
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The composed page against the real SDK handler and the local PostHog emulator (`pnpm demo`): it opens ' +
          'connected with the query-only demo key and one saved query.',
      },
    },
  },
} satisfies Meta<typeof PostHogSettings>
export default meta
type Story = StoryObj<typeof meta>

/** Connect, write HogQL, preview real rows, map, schedule, save and run a sync against the emulator. */
export const Emulator: Story = {}
