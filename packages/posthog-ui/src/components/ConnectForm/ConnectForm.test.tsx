import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { testResult } from '../../../test/fixtures'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { ConnectForm } from './ConnectForm'

describe('ConnectForm', () => {
  it('connects a new project: test shows project, time zone and scopes; save sends the key once', async () => {
    const { user, backend, container } = renderWithBackend(<ConnectForm />, { connection: null })
    await screen.findByRole('button', { name: 'Test connection' })
    expect(container.querySelector('.sf-connect-form')).toHaveAttribute('data-state', 'disconnected')

    await user.selectOptions(screen.getByLabelText('PostHog region'), 'eu')
    await user.type(screen.getByLabelText('Project ID'), '12345')
    await user.type(screen.getByLabelText('Personal API key'), 'phx_abcdefghijklmnopqrstuvwxyz01a1b2')
    expect(screen.getByLabelText('Personal API key')).toHaveAttribute('type', 'password')

    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    const result = await screen.findByText('Connected to Acme Analytics')
    const alert = result.closest('[role=status]') as HTMLElement
    expect(within(alert).getByText('Europe/Berlin')).toBeInTheDocument()
    expect(within(alert).getByText('query:read, project:read')).toBeInTheDocument()
    expect(backend.calls.at(-1)).toMatchObject({
      operation: 'testConnection',
      body: {
        apiHost: 'https://eu.posthog.com',
        projectId: 12345,
        personalApiKey: 'phx_abcdefghijklmnopqrstuvwxyz01a1b2',
      },
    })

    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(container.querySelector('.sf-connect-form')).toHaveAttribute('data-state', 'connected'))
    expect(screen.getByTestId('key-hint')).toHaveTextContent('Saved key phx_…a1b2')
    expect(screen.queryByLabelText('Personal API key')).not.toBeInTheDocument()
  })

  it('refuses an ingestion host before any request, naming the right host', async () => {
    const { user, backend } = renderWithBackend(<ConnectForm />, { connection: null })
    await user.selectOptions(await screen.findByLabelText('PostHog region'), 'self-hosted')
    await user.type(screen.getByLabelText('PostHog URL'), 'https://eu.i.posthog.com')
    await user.type(screen.getByLabelText('Project ID'), '1')
    await user.type(screen.getByLabelText('Personal API key'), 'phx_x')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(screen.getByLabelText('PostHog URL')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText(/ingestion host.*Use https:\/\/eu\.posthog\.com/)).toBeInTheDocument()
    expect(backend.calls.filter((c) => c.operation === 'testConnection')).toHaveLength(0)
  })

  it.each([
    ['authentication', 401, 'PostHog refused the key (revoked or mistyped)', 'Personal API key'],
    ['permission', 403, 'The key lacks a required scope', 'Personal API key'],
    ['project_not_found', 404, 'Project not found', 'Project ID'],
    ['host_private_address', 400, 'PostHog could not be reached at this host', 'PostHog URL'],
  ])('a %s error marks the field to fix', async (code, status, title, label) => {
    const message = `Server says what to do (${code}).`
    const { user } = renderWithBackend(<ConnectForm />, {
      connection: null,
      test: { status, code, message },
    })
    await user.selectOptions(await screen.findByLabelText('PostHog region'), 'self-hosted')
    await user.type(screen.getByLabelText('PostHog URL'), 'https://posthog.example.com')
    await user.type(screen.getByLabelText('Project ID'), '7')
    await user.type(screen.getByLabelText('Personal API key'), 'phx_revoked')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    const alert = (await screen.findByText(title)).closest('[role=alert]') as HTMLElement
    expect(alert).toHaveTextContent(message)
    expect(screen.getByLabelText(label)).toHaveAttribute('aria-invalid', 'true')
  })

  it('warns when the key works but lacks query:read', async () => {
    const { user } = renderWithBackend(<ConnectForm />, {
      test: { ...testResult, keyScopes: ['project:read'], scopes: { ...testResult.scopes, 'query:read': 'missing' } },
    })
    await user.click(await screen.findByRole('button', { name: 'Test connection' }))
    expect(await screen.findByText(/lacks the query:read scope/)).toBeInTheDocument()
  })

  it('tests a saved connection without asking for the key again, and replaces the key on demand', async () => {
    const { user, backend } = renderWithBackend(<ConnectForm />)
    expect(await screen.findByTestId('key-hint')).toHaveTextContent('phx_…a1b2')
    expect(screen.getByLabelText('PostHog region')).toHaveValue('eu')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    await screen.findByText('Connected to Acme Analytics')
    expect(backend.calls.at(-1)?.body).toEqual({ apiHost: 'https://eu.posthog.com', projectId: 12345 })
    await user.click(screen.getByRole('button', { name: 'Replace key' }))
    expect(screen.getByLabelText('Personal API key')).toHaveValue('')
  })

  it('disconnects after confirming in a dialog that takes and returns focus', async () => {
    const { user, container } = renderWithBackend(<ConnectForm />)
    const disconnect = await screen.findByRole('button', { name: 'Disconnect' })
    await user.click(disconnect)
    const dialog = screen.getByRole('dialog', { name: 'Disconnect PostHog?' })
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(disconnect).toHaveFocus()
    await user.click(disconnect)
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Disconnect' }))
    await waitFor(() =>
      expect(container.querySelector('.sf-connect-form')).toHaveAttribute('data-state', 'disconnected'),
    )
    // The Disconnect button is gone with the connection: focus lands on the form's heading, not the page.
    expect(screen.getByRole('heading', { name: 'PostHog connection' })).toHaveFocus()
  })

  it('says in the dialog why disconnecting failed, instead of leaving it open without a word', async () => {
    const { user } = renderWithBackend(<ConnectForm />, {
      fail: { deleteConnection: { status: 503, code: 'unavailable', message: 'The server is busy. Try again.' } },
    })
    await user.click(await screen.findByRole('button', { name: 'Disconnect' }))
    const dialog = screen.getByRole('dialog', { name: 'Disconnect PostHog?' })
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The server is busy. Try again.')
  })

  it('can be completed with the keyboard alone', async () => {
    const { user, backend, container } = renderWithBackend(<ConnectForm />, { connection: null })
    await screen.findByLabelText('PostHog region')
    await user.tab()
    expect(screen.getByLabelText('PostHog region')).toHaveFocus()
    await user.tab()
    expect(screen.getByLabelText('Project ID')).toHaveFocus()
    await user.keyboard('12345')
    await user.tab()
    await user.keyboard('phx_keyboardonly0123456789abcdefghijwxyz')
    await user.tab()
    expect(screen.getByRole('button', { name: 'Test connection' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await screen.findByText('Connected to Acme Analytics')
    await user.tab()
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(container.querySelector('.sf-connect-form')).toHaveAttribute('data-state', 'connected'))
    expect(backend.calls.find((c) => c.operation === 'saveConnection')?.body).toMatchObject({
      apiHost: 'https://us.posthog.com',
      projectId: 12345,
    })
  })

  it('keeps Tab inside the open dialog', async () => {
    const { user } = renderWithBackend(<ConnectForm />)
    await user.click(await screen.findByRole('button', { name: 'Disconnect' }))
    const dialog = screen.getByRole('dialog')
    const [cancel, confirm] = within(dialog).getAllByRole('button')
    expect(cancel).toHaveFocus()
    await user.tab()
    expect(confirm).toHaveFocus()
    await user.tab()
    expect(cancel).toHaveFocus()
    await user.tab({ shift: true })
    expect(confirm).toHaveFocus()
  })
})

describe('ConnectForm defaults', () => {
  const key = 'phx_demo0123456789abcdefghijklmnopqrsa1b2'

  it('starts a new connection from the defaults, which Test connection and Save send as typed', async () => {
    const { user, backend, container } = renderWithBackend(
      <ConnectForm defaults={{ apiHost: 'https://eu.posthog.com', projectId: 12345, personalApiKey: key }} />,
      { connection: null },
    )
    expect(await screen.findByLabelText('PostHog region')).toHaveValue('eu')
    expect(screen.getByLabelText('Project ID')).toHaveValue('12345')
    expect(screen.getByLabelText('Personal API key')).toHaveValue(key)
    // Prefilled is not saved: the person still tests and saves.
    expect(container.querySelector('.sf-connect-form')).toHaveAttribute('data-state', 'disconnected')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    await screen.findByText('Connected to Acme Analytics')
    expect(backend.calls.at(-1)).toMatchObject({
      operation: 'testConnection',
      body: { apiHost: 'https://eu.posthog.com', projectId: 12345, personalApiKey: key },
    })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(container.querySelector('.sf-connect-form')).toHaveAttribute('data-state', 'connected'))
  })

  it('selects Self-hosted with the URL for any other host, and the defaults stay editable', async () => {
    const { user, backend } = renderWithBackend(
      <ConnectForm defaults={{ apiHost: 'http://localhost:8010', projectId: '1', personalApiKey: key }} />,
      { connection: null },
    )
    expect(await screen.findByLabelText('PostHog region')).toHaveValue('self-hosted')
    expect(screen.getByLabelText('PostHog URL')).toHaveValue('http://localhost:8010')
    await user.clear(screen.getByLabelText('Project ID'))
    await user.type(screen.getByLabelText('Project ID'), '2')
    await user.selectOptions(screen.getByLabelText('PostHog region'), 'us')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    await screen.findByText('Connected to Acme Analytics')
    expect(backend.calls.at(-1)?.body).toEqual({ apiHost: 'https://us.posthog.com', projectId: 2, personalApiKey: key })
  })

  it('never overrides a saved connection, nor fills the key when it is replaced', async () => {
    const { user } = renderWithBackend(
      <ConnectForm defaults={{ apiHost: 'https://posthog.example.com', projectId: 1, personalApiKey: key }} />,
    )
    expect(await screen.findByTestId('key-hint')).toHaveTextContent('phx_…a1b2')
    expect(screen.getByLabelText('PostHog region')).toHaveValue('eu')
    expect(screen.queryByLabelText('PostHog URL')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Project ID')).toHaveValue('12345')
    await user.click(screen.getByRole('button', { name: 'Replace key' }))
    expect(screen.getByLabelText('Personal API key')).toHaveValue('')
  })
})
