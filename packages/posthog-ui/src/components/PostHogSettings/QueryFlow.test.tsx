import type { QueryDefinition, SavedQuery } from '@statisfy/posthog-sdk'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { planDefinition, savedQueries, usageDefinition } from '../../../test/fixtures'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { QueryFlow } from './QueryFlow'

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
