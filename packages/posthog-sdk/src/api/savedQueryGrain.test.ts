// The saved query's grain through the real handler and api client: the request and response schemas derive from
// queryDefinitionSchema, so the grain must be kept on save, list and get, and refused where it cannot apply.
import { describe, expect, it } from 'vitest'
import { createInMemoryDirectory } from '../resolve/index'
import {
  createMemoryConnectionStore,
  createMemoryQueryStore,
  createMemoryRunStore,
  createMemoryScheduler,
  createMemorySecretBlobStorage,
  createPostHogHandler,
  createSealingSecretStore,
  createStaticCatalog,
} from '../server/index'
import { exampleCatalog, productUsageQuery } from '../testing/index'
import { createApiClient } from './createApiClient'

function apiClient() {
  const handler = createPostHogHandler({
    authorize: () => ({ tenantId: 'acme' }),
    stores: {
      connections: createMemoryConnectionStore(),
      queries: createMemoryQueryStore(),
      runs: createMemoryRunStore(),
    },
    secrets: createSealingSecretStore({
      keys: [{ id: 'test', key: new Uint8Array(32).fill(7) }],
      currentKeyId: 'test',
      storage: createMemorySecretBlobStorage(),
    }),
    directory: () => createInMemoryDirectory([]),
    catalog: createStaticCatalog(exampleCatalog),
    scheduler: createMemoryScheduler(),
    basePath: '/api/posthog',
  })
  return createApiClient({
    baseUrl: 'http://host.test/api/posthog',
    fetch: async (input, init) => handler(new Request(new URL(String(input), 'http://host.test'), init)),
  })
}

const hogql =
  'select org_id, toStartOfWeek(timestamp) as day, event as metric, count() as value from events where timestamp >= {period_start} and timestamp < {period_end} group by org_id, day, metric'

describe('a saved query with a grain', () => {
  it('keeps the grain through save, list and get', async () => {
    const api = apiClient()
    const saved = await api.saveQuery(productUsageQuery({ id: 'weekly', hogql, grain: 'week_sunday' }))
    expect(saved.definition.grain).toBe('week_sunday')
    expect((await api.listQueries()).map((query) => query.definition.grain)).toEqual(['week_sunday'])
    expect((await api.getQuery('weekly')).definition.grain).toBe('week_sunday')
    await api.saveQuery(productUsageQuery({ id: 'weekly', hogql }))
    expect((await api.getQuery('weekly')).definition).not.toHaveProperty('grain')
  })

  it('is refused on a query without a window, with the field and what to do', async () => {
    const error = await apiClient()
      .saveQuery(productUsageQuery({ id: 'all-time', hogql: 'select org_id, 1 as day, 1 as value', grain: 'day' }))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'invalid_request',
      status: 400,
      issues: [{ path: 'definition.grain', message: expect.stringMatching(/Add WHERE timestamp >= \{period_start\}/) }],
    })
  })
})
