import { describe, expect, it, vi } from 'vitest'
import { createGuardedFetch } from './createGuardedFetch'
import { createHostGuard } from './createHostGuard'
import { createPinnedDispatcher } from './createPinnedDispatcher'

// What an edge runtime does: undici needs node:net, which is not there.
vi.mock('undici', () => {
  throw new Error('No such built-in module: node:net')
})

const guard = createHostGuard({ resolve: async () => ['34.120.0.10'] })

describe('createPinnedDispatcher where undici cannot load', () => {
  it('resolves undefined instead of failing the import of server code', async () => {
    await expect(createPinnedDispatcher(guard)).resolves.toBeUndefined()
  })

  it('leaves the guarded fetch checking before the fetch, with no dispatcher', async () => {
    const inits: RequestInit[] = []
    const guarded = createGuardedFetch({
      guard,
      fetch: async (_input, init) => {
        if (init) inits.push(init)
        return new Response('{}')
      },
    })
    await expect(guarded('https://10.0.0.1/')).rejects.toMatchObject({ code: 'host_private_address' })
    expect(await (await guarded('https://us.posthog.com/')).json()).toEqual({})
    expect(inits).toHaveLength(1)
    expect(inits[0]).not.toHaveProperty('dispatcher')
  })
})
