// README "Host backend": the handler every framework example mounts. In-memory ports stand in for the host's own.
import { createInMemoryDirectory } from '@statisfy/posthog-sdk'
import {
  createMemoryConnectionStore,
  createMemoryQueryStore,
  createMemoryRunStore,
  createMemoryScheduler,
  createMemorySecretBlobStorage,
  createPostHogHandler,
  createSealingSecretStore,
  createStaticCatalog,
} from '@statisfy/posthog-sdk/server'

/** Reads the tenant from the host's session; here a header stands in for it. */
async function tenantOf(request: Request): Promise<string | null> {
  return request.headers.get('x-demo-tenant')
}

export const posthogHandler = createPostHogHandler({
  authorize: async (request) => {
    const tenantId = await tenantOf(request)
    return tenantId ? { tenantId } : { reject: 'unauthorized' }
  },
  stores: {
    connections: createMemoryConnectionStore(),
    queries: createMemoryQueryStore(),
    runs: createMemoryRunStore(),
  },
  secrets: createSealingSecretStore({
    // 32 random bytes, base64: `openssl rand -base64 32`. Keep it in the host's secret manager, not in code.
    keys: [{ id: '2026-11', key: process.env.POSTHOG_SEALING_KEY ?? btoa('0123456789abcdef0123456789abcdef') }],
    currentKeyId: '2026-11',
    storage: createMemorySecretBlobStorage(),
  }),
  directory: () => createInMemoryDirectory([{ id: 'acc_1', name: 'Acme Inc.', domains: ['acme.com'] }]),
  catalog: createStaticCatalog({
    customFields: [],
    objectTypes: [],
    resolvers: ['statisfy_id', 'email_domain', 'account_name'],
  }),
  scheduler: createMemoryScheduler(),
})
