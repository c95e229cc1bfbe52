import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithBackend } from '../../test/renderWithBackend'
import { QueryList } from '../components/PostHogSettings/QueryList'
import { useSavedQuery } from './useSavedQuery'

function EnabledOf({ queryId }: { queryId: string }) {
  const query = useSavedQuery(queryId)
  return <output aria-label="enabled">{query.data ? String(query.data.definition.enabled) : 'loading'}</output>
}

describe('useSetQueryEnabled', () => {
  it('refreshes the saved query’s own entry too, so a view of that query shows the new schedule state', async () => {
    const { user, backend } = renderWithBackend(
      <>
        <QueryList />
        <EnabledOf queryId="plan-fields" />
      </>,
    )
    expect(await screen.findByText('false')).toBeInTheDocument()
    await user.click(await screen.findByRole('switch', { name: 'Import “Plan and seats” on schedule' }))
    await waitFor(() => expect(backend.state.queries[1]?.definition.enabled).toBe(true))
    await waitFor(() => expect(screen.getByLabelText('enabled')).toHaveTextContent('true'))
  })
})
