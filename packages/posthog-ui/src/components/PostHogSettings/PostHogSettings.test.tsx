import { EditorView } from '@codemirror/view'
import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { queryTemplates } from '../../../test/fixtures'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { PostHogSettings } from './PostHogSettings'

const now = new Date('2026-11-27T10:00:00Z')

describe('PostHogSettings', () => {
  it('asks to connect first when there is no connection', async () => {
    const { container } = renderWithBackend(<PostHogSettings now={now} />, { connection: null })
    expect(await screen.findByText('Connect PostHog first.')).toBeInTheDocument()
    expect(container.querySelector('.sf-settings')).toHaveAttribute('data-state', 'disconnected')
    expect(screen.queryByRole('region', { name: 'Queries' })).not.toBeInTheDocument()
  })

  it('lists queries, toggles a schedule optimistically and deletes after confirmation', async () => {
    const { user, backend } = renderWithBackend(<PostHogSettings now={now} />)
    const toggle = await screen.findByRole('switch', { name: 'Import “Plan and seats” on schedule' })
    expect(toggle).toHaveAttribute('aria-checked', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-checked', 'true')
    await waitFor(() => expect(backend.state.queries[1]?.definition.enabled).toBe(true))
    const item = toggle.closest('li') as HTMLElement
    await user.click(within(item).getByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete “Plan and seats”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByText('Plan and seats')).not.toBeInTheDocument())
    expect(backend.state.queries).toHaveLength(1)
  })

  it('edits a query through HogQL → preview → mapping → schedule → save', async () => {
    const { user, backend, container } = renderWithBackend(<PostHogSettings now={now} />)
    const item = (await screen.findByRole('switch', { name: /Daily product usage/ })).closest('li') as HTMLElement
    await user.click(within(item).getByRole('button', { name: 'Edit' }))
    expect(container.querySelector('.sf-query-flow')).toHaveAttribute('data-state', 'hogql')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByRole('heading', { name: 'Preview' })).toHaveFocus()
    expect(await screen.findByText('100 rows')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(await screen.findByText('3 of 100 values in “day” are not timestamps')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.selectOptions(screen.getByLabelText('Runs'), 'weekly')
    await user.click(screen.getByRole('button', { name: 'Save query' }))
    await waitFor(() => expect(container.querySelector('.sf-settings')).toHaveAttribute('data-state', 'list'))
    const saved = backend.calls.find((c) => c.operation === 'saveQuery')
    expect(saved?.params.queryId).toBe('usage-daily')
    expect(saved?.body).toMatchObject({ definition: { cadence: { kind: 'weekly', weekday: 'monday', at: '06:00' } } })
  })

  it('adds a query: the id comes from the name and the mapping from the preview’s columns', async () => {
    const { user, backend } = renderWithBackend(<PostHogSettings now={now} />)
    await user.click(await screen.findByRole('button', { name: 'Add query' }))
    const next = screen.getByRole('button', { name: 'Next' })
    await user.click(next)
    expect(screen.getByRole('heading', { name: 'Type' })).toBeInTheDocument()
    await user.type(screen.getByLabelText('Name'), 'Weekly usage')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    const editor = await waitFor(() => {
      const content = document.querySelector<HTMLElement>('.cm-content')
      if (!content) throw new Error('editor not loaded yet')
      return content
    })
    // Typing into CodeMirror under jsdom drops characters (no layout); edit through the view, as a keystroke would.
    const view = EditorView.findFromDOM(editor)
    act(() => view?.dispatch({ changes: { from: 0, insert: 'SELECT 1' } }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('100 rows')
    expect(backend.calls.find((c) => c.operation === 'preview')?.body).toMatchObject({ hogql: 'SELECT 1' })
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByLabelText('Account column')).toHaveValue('org_domain')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(screen.getByRole('button', { name: 'Save query' }))
    await waitFor(() => expect(backend.calls.some((c) => c.operation === 'saveQuery')).toBe(true))
    expect(backend.calls.find((c) => c.operation === 'saveQuery')?.params.queryId).toMatch(/^weekly-usage-/)
  })

  it('moves focus into the flow when Edit or Add query opens it, and to the list when it closes', async () => {
    // The button pressed leaves with the list (or the flow); without this, keyboard users land on the page's start.
    const { user } = renderWithBackend(<PostHogSettings now={now} />)
    const item = (await screen.findByRole('switch', { name: /Daily product usage/ })).closest('li') as HTMLElement
    await user.click(within(item).getByRole('button', { name: 'Edit' }))
    expect(screen.getByRole('heading', { name: 'HogQL' })).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(await screen.findByRole('heading', { name: 'Queries' })).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Add query' }))
    expect(screen.getByRole('heading', { name: 'Type' })).toHaveFocus()
  })

  it('previews the HogQL as it is now: changing it after a preview runs the preview again', async () => {
    const { user, backend } = renderWithBackend(<PostHogSettings now={now} />)
    const item = (await screen.findByRole('switch', { name: /Daily product usage/ })).closest('li') as HTMLElement
    await user.click(within(item).getByRole('button', { name: 'Edit' }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('100 rows')
    await user.click(screen.getByRole('button', { name: 'Back' }))
    const editor = await waitFor(() => {
      const content = document.querySelector<HTMLElement>('.cm-content')
      if (!content) throw new Error('editor not loaded yet')
      return content
    })
    const view = EditorView.findFromDOM(editor)
    act(() => view?.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: 'SELECT 2' } }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.operation === 'preview').map((c) => c.body)).toContainEqual({
        hogql: 'SELECT 2',
      }),
    )
  })

  it('does not save while the schedule shows an invalid interval', async () => {
    const { user, backend } = renderWithBackend(<PostHogSettings now={now} />)
    const item = (await screen.findByRole('switch', { name: /Daily product usage/ })).closest('li') as HTMLElement
    await user.click(within(item).getByRole('button', { name: 'Edit' }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('100 rows')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.selectOptions(screen.getByLabelText('Runs'), 'every_minutes')
    const minutes = screen.getByLabelText('Every (minutes)')
    await user.clear(minutes)
    await user.type(minutes, '2')
    const save = screen.getByRole('button', { name: 'Save query' })
    expect(save).toHaveAttribute('aria-disabled', 'true')
    await user.click(save)
    expect(backend.calls.some((c) => c.operation === 'saveQuery')).toBe(false)
    // Leaving the step drops the unsaved text; back on it, the last valid schedule can be saved.
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(screen.getByRole('button', { name: 'Save query' }))
    await waitFor(() => expect(backend.calls.some((c) => c.operation === 'saveQuery')).toBe(true))
  })

  it('says whose runs the history shows, and filters them by query from the list or the picker', async () => {
    const { user } = renderWithBackend(<PostHogSettings now={now} />)
    const history = await screen.findByRole('region', { name: 'Sync history' })
    const picker = within(history).getByLabelText('Query')
    expect(picker).toHaveValue('')
    await within(history).findByRole('table')
    // All queries: each run names its query.
    expect(within(history).getByRole('columnheader', { name: 'Query' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Plan and seats' }))
    expect(picker).toHaveValue('plan-fields')
    expect(screen.getByRole('button', { name: 'Plan and seats' }).closest('li')).toHaveAttribute('aria-current', 'true')
    expect(await within(history).findByText('No runs yet.')).toBeInTheDocument()
    await user.selectOptions(picker, 'usage-daily')
    expect(screen.getByRole('button', { name: 'Daily product usage' }).closest('li')).toHaveAttribute(
      'aria-current',
      'true',
    )
    await within(history).findByRole('table')
    expect(within(history).queryByRole('columnheader', { name: 'Query' })).not.toBeInTheDocument()
    expect(within(history).getByRole('button', { name: 'Run now' })).toBeInTheDocument()
  })

  it('passes connectDefaults to the connection form and templates to Add query', async () => {
    const connectDefaults = { apiHost: 'https://eu.posthog.com', projectId: 12345, personalApiKey: 'phx_demo' }
    const first = renderWithBackend(<PostHogSettings now={now} connectDefaults={connectDefaults} />, {
      connection: null,
    })
    expect(await screen.findByLabelText('Personal API key')).toHaveValue('phx_demo')
    expect(screen.getByLabelText('PostHog region')).toHaveValue('eu')
    first.unmount()

    const { user } = renderWithBackend(<PostHogSettings now={now} templates={queryTemplates} />)
    await user.click(await screen.findByRole('button', { name: 'Add query' }))
    const examples = screen.getByRole('group', { name: 'Start from an example' })
    await user.click(within(examples).getByRole('button', { name: 'Weekly active users' }))
    expect(screen.getByRole('heading', { name: 'HogQL' })).toHaveFocus()
  })
})
