// A host that prefetches the runs (TanStack Query's SSR pattern) renders the history's dates on its server, in the
// server's time zone; the browser hydrates in the visitor's.
import { QueryClient } from '@tanstack/react-query'
import { act, screen } from '@testing-library/react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { createFakeBackend } from '../../../test/fakeBackend'
import { runs } from '../../../test/fixtures'
import { postHogQueryKeys } from '../../hooks/queryKeys'
import { PostHogIntegrationProvider } from '../../provider/PostHogIntegrationProvider'
import { SyncHistory } from './SyncHistory'

const zone = process.env.TZ
const container = document.createElement('div')
let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  container.remove()
  // Assigning undefined would set the string "undefined".
  if (zone === undefined) delete process.env.TZ
  else process.env.TZ = zone
  vi.restoreAllMocks()
})

function page() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } })
  queryClient.setQueryData(postHogQueryKeys.runs({ queryId: 'usage-daily' }), {
    pages: [{ runs: runs.slice(0, 3), nextCursor: null }],
    pageParams: [undefined],
  })
  return (
    <PostHogIntegrationProvider client={createFakeBackend().client} queryClient={queryClient}>
      <SyncHistory queryId="usage-daily" />
    </PostHogIntegrationProvider>
  )
}

it('hydrates prefetched runs rendered in another time zone without a mismatch, then shows local times', async () => {
  process.env.TZ = 'America/New_York'
  container.innerHTML = renderToString(page())
  document.body.append(container)
  process.env.TZ = 'Asia/Tokyo'
  const consoleError = vi.spyOn(console, 'error')
  const onRecoverableError = vi.fn()
  root = await act(async () => hydrateRoot(container, page(), { onRecoverableError }))
  expect(onRecoverableError).not.toHaveBeenCalled()
  expect(consoleError).not.toHaveBeenCalled()
  const first = runs[0]?.startedAt ?? ''
  const local = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(first))
  expect(screen.getByRole('table').querySelector(`time[datetime="${first}"]`)).toHaveTextContent(local)
})
