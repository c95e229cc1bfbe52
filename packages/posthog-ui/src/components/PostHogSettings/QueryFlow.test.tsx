import { EditorView } from '@codemirror/view'
import type { QueryDefinition, SavedQuery } from '@statisfy/posthog-sdk'
import { act, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { planDefinition, queryTemplates, savedQueries, usageDefinition } from '../../../test/fixtures'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { QueryFlow } from './QueryFlow'
import type { QueryTemplate } from './QueryTemplate'

const saved = (definition: QueryDefinition): SavedQuery => ({ ...(savedQueries[0] as SavedQuery), definition })

/** Renders the flow editing `definition` and walks it from HogQL to the schedule step. */
async function openSchedule(definition: QueryDefinition) {
  const view = renderWithBackend(<QueryFlow query={saved(definition)} onDone={vi.fn()} onCancel={vi.fn()} />)
  await view.user.click(screen.getByRole('button', { name: 'Next' }))
  await screen.findByText('100 rows')
  await view.user.click(screen.getByRole('button', { name: 'Next' }))
  await view.user.click(screen.getByRole('button', { name: 'Next' }))
  expect(screen.getByRole('heading', { name: 'Schedule' })).toHaveFocus()
  const savedDefinition = async () => {
    await view.user.click(screen.getByRole('button', { name: 'Save query' }))
    await waitFor(() => expect(view.backend.calls.some((c) => c.operation === 'saveQuery')).toBe(true))
    const body = view.backend.calls.find((c) => c.operation === 'saveQuery')?.body as { definition: QueryDefinition }
    return body.definition
  }
  return { ...view, grain: screen.getByLabelText('Rows are aggregated per'), savedDefinition }
}

describe('QueryFlow: the grain on the schedule step', () => {
  it('pre-fills the grain the HogQL buckets by, says it was suggested, and saves it', async () => {
    // toDate(timestamp) … GROUP BY day, inside a {period_start}/{period_end} window.
    expect(usageDefinition.grain).toBeUndefined()
    const { grain, savedDefinition } = await openSchedule(usageDefinition)
    expect(grain).toHaveValue('day')
    expect(grain).toHaveAccessibleDescription(/^Suggested: the query groups its rows per day/)
    expect((await savedDefinition()).grain).toBe('day')
  })

  it('saves the person’s choice over the suggestion, and no grain for not aggregated', async () => {
    const { grain, user, savedDefinition } = await openSchedule(usageDefinition)
    await user.selectOptions(grain, '')
    expect(grain).not.toHaveAccessibleDescription(/Suggested/)
    expect(await savedDefinition()).not.toHaveProperty('grain')
  })

  it('shows a saved grain as set, not suggested', async () => {
    const { grain, user, savedDefinition } = await openSchedule({ ...usageDefinition, grain: 'week_monday' })
    expect(grain).toHaveValue('week_monday')
    expect(grain).not.toHaveAccessibleDescription(/Suggested/)
    await user.selectOptions(grain, 'month')
    expect((await savedDefinition()).grain).toBe('month')
  })

  it('suggests nothing for a query without a window, and refuses a grain there with the reason on the field', async () => {
    const { grain, user, backend } = await openSchedule(planDefinition)
    expect(grain).toHaveValue('')
    await user.selectOptions(grain, 'day')
    expect(grain).toHaveAttribute('aria-invalid', 'true')
    expect(grain).toHaveAccessibleDescription(/the query reads no window/)
    const save = screen.getByRole('button', { name: 'Save query' })
    expect(save).toHaveAttribute('aria-disabled', 'true')
    await user.click(save)
    expect(backend.calls.some((c) => c.operation === 'saveQuery')).toBe(false)
    await user.selectOptions(grain, '')
    expect(save).toHaveAttribute('aria-disabled', 'false')
  })

  it('keeps the mapping step passable when the saved grain no longer fits the HogQL', async () => {
    // A grain saved on a query whose window was since removed: the schedule step, where it is fixed, stays reachable.
    const { grain } = await openSchedule({ ...planDefinition, grain: 'day' })
    expect(grain).toHaveAttribute('aria-invalid', 'true')
  })
})

/** A host that writes the templates inline, so it passes a new array on every render. */
function InlineTemplatesHost({ templates }: { templates: () => readonly unknown[] }) {
  const [renders, setRenders] = useState(0)
  return (
    <>
      <button type="button" onClick={() => setRenders(renders + 1)}>
        Render again ({renders})
      </button>
      <QueryFlow templates={templates() as QueryTemplate[]} onDone={() => {}} onCancel={() => {}} />
    </>
  )
}

describe('QueryFlow: starting a new query from a template', () => {
  afterEach(() => vi.restoreAllMocks())
  const examples = () => screen.getByRole('group', { name: 'Start from an example' })

  it('offers the templates of the chosen type, each a button described by its description', async () => {
    const { user } = renderWithBackend(<QueryFlow templates={queryTemplates} onDone={vi.fn()} onCancel={vi.fn()} />)
    expect(
      within(examples())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Events per domain and day', 'Weekly active users'])
    expect(within(examples()).getByRole('button', { name: 'Events per domain and day' })).toHaveAccessibleDescription(
      'Counts each event per company domain and day.',
    )
    expect(examples()).toHaveTextContent('press Next to start with an empty editor')
    await user.click(screen.getByLabelText('Custom fields'))
    expect(
      within(examples())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Plan and seats'])
    await user.click(screen.getByLabelText('Custom objects'))
    expect(screen.queryByRole('group', { name: 'Start from an example' })).not.toBeInTheDocument()
  })

  it('fills name, HogQL and grain and moves on; the preview, a suggested mapping and the save follow from it', async () => {
    const onDone = vi.fn()
    const now = new Date('2026-11-27T10:00:00Z')
    const { user, backend } = renderWithBackend(
      <QueryFlow templates={queryTemplates} onDone={onDone} onCancel={vi.fn()} now={now} />,
    )
    await user.click(within(examples()).getByRole('button', { name: 'Events per domain and day' }))
    expect(screen.getByRole('heading', { name: 'HogQL' })).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('100 rows')
    expect(backend.calls.find((c) => c.operation === 'preview')?.body).toEqual({ hogql: queryTemplates[0]?.hogql })
    await user.click(screen.getByRole('button', { name: 'Next' }))
    // Suggested from the preview's columns, as for a blank query.
    expect(screen.getByLabelText('Account column')).toHaveValue('org_domain')
    expect(screen.getByLabelText('Timestamp column')).toHaveValue('day')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    const grain = screen.getByLabelText('Rows are aggregated per')
    expect(grain).toHaveValue('day')
    expect(grain).not.toHaveAccessibleDescription(/Suggested/)
    await user.click(screen.getByRole('button', { name: 'Save query' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    const body = backend.calls.find((c) => c.operation === 'saveQuery')?.body as { definition: QueryDefinition }
    expect(body.definition).toMatchObject({
      id: expect.stringMatching(/^events-per-domain-and-day-/),
      name: 'Events per domain and day',
      type: 'product_usage',
      hogql: queryTemplates[0]?.hogql,
      grain: 'day',
    })
  })

  it('keeps everything editable: the name and the HogQL the person changes are what is saved', async () => {
    const onDone = vi.fn()
    const { user, backend } = renderWithBackend(
      <QueryFlow templates={queryTemplates} onDone={onDone} onCancel={vi.fn()} />,
    )
    await user.click(within(examples()).getByRole('button', { name: 'Weekly active users' }))
    const view = EditorView.findFromDOM(
      await waitFor(() => {
        const content = document.querySelector<HTMLElement>('.cm-content')
        if (!content) throw new Error('editor not loaded yet')
        return content
      }),
    )
    expect(view?.state.doc.toString()).toBe(queryTemplates[1]?.hogql)
    // Typing into CodeMirror under jsdom drops characters (no layout); edit through the view, as a keystroke would.
    act(() => view?.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: usageDefinition.hogql } }))
    await user.click(screen.getByRole('button', { name: 'Back' }))
    const name = screen.getByLabelText('Name')
    expect(name).toHaveValue('Weekly active users')
    await user.clear(name)
    await user.type(name, 'WAU')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('100 rows')
    expect(backend.calls.find((c) => c.operation === 'preview')?.body).toEqual({ hogql: usageDefinition.hogql })
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(screen.getByRole('button', { name: 'Save query' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    const body = backend.calls.find((c) => c.operation === 'saveQuery')?.body as { definition: QueryDefinition }
    expect(body.definition).toMatchObject({ name: 'WAU', hogql: usageDefinition.hogql })
  })

  it('leaves out a template with an unknown type or empty HogQL, with a console error naming it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const bad = [
      { id: 'typo', name: 'Typo', type: 'product-usage', hogql: 'SELECT 1' },
      { id: 'blank', name: 'Blank', type: 'product_usage', hogql: ' ' },
    ] as unknown as typeof queryTemplates
    renderWithBackend(<QueryFlow templates={[...bad, ...queryTemplates]} onDone={vi.fn()} onCancel={vi.fn()} />)
    expect(
      within(examples())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Events per domain and day', 'Weekly active users'])
    expect(error).toHaveBeenCalledTimes(1)
    const message = String(error.mock.calls[0]?.[0])
    expect(message).toMatch(/The query template "typo" is not offered: its type "product-usage" is not a query type/)
    expect(message).toMatch(/The query template "blank" is not offered: its hogql is empty/)
  })

  it('does not log again when the host re-renders with an equal new array', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const bad = { id: 'typo', name: 'Typo', type: 'usage', hogql: 'SELECT 1' }
    const { user } = renderWithBackend(<InlineTemplatesHost templates={() => [bad]} />)
    await user.click(screen.getByRole('button', { name: 'Render again (0)' }))
    await user.click(screen.getByRole('button', { name: 'Render again (1)' }))
    expect(screen.getByRole('button', { name: 'Render again (2)' })).toBeInTheDocument()
    expect(error).toHaveBeenCalledTimes(1)
  })

  it('offers no templates when editing a saved query', async () => {
    const { user } = renderWithBackend(
      <QueryFlow query={saved(usageDefinition)} templates={queryTemplates} onDone={vi.fn()} onCancel={vi.fn()} />,
    )
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByRole('heading', { name: 'Type' })).toBeInTheDocument()
    expect(screen.queryByRole('group', { name: 'Start from an example' })).not.toBeInTheDocument()
  })
})
