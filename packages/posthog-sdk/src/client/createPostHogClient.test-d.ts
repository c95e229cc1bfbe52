import { describe, expectTypeOf, it } from 'vitest'
import { createPostHogClient } from './createPostHogClient'
import { isPostHogClientError, type PostHogClientErrorCode } from './errors/PostHogClientError'
import type { QueryPage } from './paging/PagingTypes'
import type { HogQLQueryResult } from './resources/QueryTypes'

const client = createPostHogClient({ apiHost: 'https://us.posthog.com', projectId: 1, personalApiKey: 'phx_x' })

describe('client types', () => {
  it('types rows when the caller names them', () => {
    expectTypeOf(
      client.query<[string, number]>('select event, count() from events group by event'),
    ).resolves.toEqualTypeOf<HogQLQueryResult<[string, number]>>()
    expectTypeOf(client.query('select 1')).resolves.toHaveProperty('results').toEqualTypeOf<unknown[][]>()
    expectTypeOf(client.pages<[string]>('select event from events')).toEqualTypeOf<AsyncIterable<QueryPage<[string]>>>()
  })

  it('narrows errors to the codes checked', () => {
    const error: unknown = null
    if (isPostHogClientError(error, 'rate_limited', 'timeout')) {
      expectTypeOf(error.code).toEqualTypeOf<'rate_limited' | 'timeout'>()
      expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>()
    }
    expectTypeOf<'hogql_syntax'>().toMatchTypeOf<PostHogClientErrorCode>()
    // @ts-expect-error not a code
    isPostHogClientError(error, 'nope')
  })
})
