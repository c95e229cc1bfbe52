import { ConnectForm } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { withLiveBackend } from './LiveBackend'

const meta = {
  title: 'Live/ConnectForm',
  component: ConnectForm,
  decorators: [withLiveBackend],
  tags: ['!test', '!autodocs'], // live: not in `pnpm test:stories` (CI runs no demo), no docs page
  parameters: {
    docs: {
      description: {
        component:
          "The connect form against the demo's sync worker (`pnpm demo`, then `pnpm storybook`). Try the emulator at " +
          'self-hosted URL `http://127.0.0.1:8010`, its project, with `phx_demo_full_access`, `phx_demo_query_read`, ' +
          '`phx_demo_project_read` (no query:read) or `phx_demo_revoked`.',
      },
    },
  },
} satisfies Meta<typeof ConnectForm>
export default meta
type Story = StoryObj<typeof meta>

/** The demo tenant's connection (none until one is saved here or in the playground); Test connection reaches the emulator. */
export const Emulator: Story = {}
