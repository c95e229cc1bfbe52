import { ConnectForm } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { testResult } from '../test/fixtures'
import { dark, narrow, withBackend } from './StoryBackend'

const meta = {
  title: 'Components/ConnectForm',
  component: ConnectForm,
  decorators: [withBackend],
  parameters: {
    docs: {
      description: { component: 'Connect a PostHog project: region, project id, personal API key, Test connection.' },
    },
  },
} satisfies Meta<typeof ConnectForm>
export default meta
type Story = StoryObj<typeof meta>

async function fillNew(canvasElement: HTMLElement, host: 'us' | 'eu' | 'self-hosted' = 'eu', url = '') {
  const canvas = within(canvasElement)
  await userEvent.selectOptions(await canvas.findByLabelText('PostHog region'), host)
  if (url) await userEvent.type(canvas.getByLabelText('PostHog URL'), url)
  await userEvent.type(canvas.getByLabelText('Project ID'), '12345')
  await userEvent.type(canvas.getByLabelText('Personal API key'), 'phx_0123456789abcdefghijklmnopqrstuvwxa1b2')
  await userEvent.click(canvas.getByRole('button', { name: 'Test connection' }))
  return canvas
}

/** No connection saved yet. */
export const Empty: Story = { parameters: { backend: { connection: null } } }

/** Waiting for the saved connection. */
export const Loading: Story = { parameters: { backend: { pending: ['getConnection'] } } }

/** The backend could not load the connection. */
export const ServerError: Story = {
  parameters: {
    backend: {
      fail: { getConnection: { status: 500, code: 'internal_error', message: 'The connection store is unavailable.' } },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('The connection store is unavailable.')).toBeVisible()
  },
}

/** A saved connection: only the key's hint is shown, with Replace and Disconnect. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Saved key phx_…a1b2')).toBeVisible()
    await expect(canvas.queryByLabelText('Personal API key')).toBeNull()
  },
}

/** Test connection reports the project, its time zone and the key's scopes. */
export const Success: Story = {
  parameters: { backend: { connection: null } },
  play: async ({ canvasElement }) => {
    const canvas = await fillNew(canvasElement)
    await expect(await canvas.findByText('Connected to Acme Analytics')).toBeVisible()
    await expect(canvas.getByText('Europe/Berlin')).toBeVisible()
  },
}

/** The key works but lacks query:read. */
export const KeyLacksQueryRead: Story = {
  parameters: {
    backend: {
      connection: null,
      test: { ...testResult, keyScopes: ['project:read'], scopes: { ...testResult.scopes, 'query:read': 'missing' } },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await fillNew(canvasElement)
    await expect(await canvas.findByText(/lacks the query:read scope/)).toBeVisible()
  },
}

/** PostHog refuses a revoked key: the key field is marked. */
export const RevokedKey: Story = {
  parameters: {
    backend: {
      connection: null,
      test: {
        status: 401,
        code: 'authentication',
        message:
          'PostHog refused the API key: API key is invalid or has been revoked. Create a new one in PostHog (Settings → Personal API keys).',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await fillNew(canvasElement)
    await expect(await canvas.findByText('PostHog refused the key (revoked or mistyped)')).toBeVisible()
    await expect(canvas.getByLabelText('Personal API key')).toHaveAttribute('aria-invalid', 'true')
  },
}

/** The project id does not exist for this key. */
export const WrongProject: Story = {
  parameters: {
    backend: {
      connection: null,
      test: {
        status: 404,
        code: 'project_not_found',
        message:
          'Project 12345 does not exist or this key cannot see it. Copy the id from your PostHog URL (/project/<id>).',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await fillNew(canvasElement)
    await expect(await canvas.findByText('Project not found')).toBeVisible()
    await expect(canvas.getByLabelText('Project ID')).toHaveAttribute('aria-invalid', 'true')
  },
}

/** An ingestion host is refused before any request, naming the API host to use. */
export const IngestionHost: Story = {
  parameters: { backend: { connection: null } },
  play: async ({ canvasElement }) => {
    const canvas = await fillNew(canvasElement, 'self-hosted', 'https://eu.i.posthog.com')
    await expect(canvas.getByLabelText('PostHog URL')).toHaveAttribute('aria-invalid', 'true')
    await expect(canvas.getByText(/Use https:\/\/eu\.posthog\.com instead/)).toBeVisible()
  },
}

/** PostHog rate-limits the key while testing. */
export const RateLimited: Story = {
  parameters: {
    backend: {
      test: {
        status: 429,
        code: 'rate_limited',
        message: 'PostHog is rate limiting this key: expected available in 42 seconds.',
        retryAfterSeconds: 42,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Test connection' }))
    await expect(await canvas.findByText(/expected available in 42 seconds/)).toBeVisible()
  },
}

/** Disconnect asks first, in a dialog that takes focus and gives it back. */
export const Disconnect: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const button = await canvas.findByRole('button', { name: 'Disconnect' })
    await userEvent.click(button)
    const dialog = canvas.getByRole('dialog', { name: 'Disconnect PostHog?' })
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect(button).toHaveFocus()
  },
}

/** A demo host passes `defaults`: with no saved connection the form starts filled (EU Cloud, project, masked key). */
export const Prefilled: Story = {
  args: {
    defaults: {
      apiHost: 'https://eu.posthog.com',
      projectId: 12345,
      personalApiKey: 'phx_0123456789abcdefghijklmnopqrstuvwxa1b2',
    },
  },
  parameters: { backend: { connection: null } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByLabelText('PostHog region')).toHaveValue('eu')
    await expect(canvas.getByLabelText('Project ID')).toHaveValue('12345')
    await expect(canvas.getByLabelText('Personal API key')).toHaveAttribute('type', 'password')
    await userEvent.click(canvas.getByRole('button', { name: 'Test connection' }))
    await expect(await canvas.findByText('Connected to Acme Analytics')).toBeVisible()
  },
}

/** Defaults with a host that is not PostHog Cloud select Self-hosted with that URL. */
export const PrefilledSelfHosted: Story = {
  args: { defaults: { apiHost: 'http://localhost:8010', projectId: 1 } },
  parameters: { backend: { connection: null } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByLabelText('PostHog region')).toHaveValue('self-hosted')
    await expect(canvas.getByLabelText('PostHog URL')).toHaveValue('http://localhost:8010')
    await expect(canvas.getByLabelText('Personal API key')).toHaveValue('')
  },
}

/** A saved connection wins over `defaults`: the saved host and project show, the key only as its hint. */
export const DefaultsWithSavedConnection: Story = {
  args: { defaults: { apiHost: 'http://localhost:8010', projectId: 1, personalApiKey: 'phx_demo' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Saved key phx_…a1b2')).toBeVisible()
    await expect(canvas.getByLabelText('PostHog region')).toHaveValue('eu')
    await expect(canvas.getByLabelText('Project ID')).toHaveValue('12345')
  },
}

export const DarkTheme: Story = { parameters: { ...dark, backend: { connection: null } } }
export const NarrowWidth: Story = { parameters: { ...narrow } }
