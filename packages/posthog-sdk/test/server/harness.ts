// Shared helpers of the handler's integration tests: an emulator over real HTTP, the handler with in-memory ports,
// api clients per tenant, and a capture of every response body and log line (to scan for keys).
import { type Emulator, startEmulator } from '@statisfy/posthog-emulator'
import { type ApiClient, createApiClient } from '../../src/api/index'
import type { Catalog } from '../../src/config/index'
import type { DirectoryAccount } from '../../src/resolve/index'
import { createInMemoryDirectory } from '../../src/resolve/index'
import {
  createMemoryConnectionStore,
  createMemoryLogger,
  createMemoryQueryStore,
  createMemoryRunStore,
  createMemoryScheduler,
  createMemorySecretBlobStorage,
  createPostHogHandler,
  createSealingSecretStore,
  createStaticCatalog,
  type HostGuardOptions,
  type MemoryLogger,
  type MemoryScheduler,
  type MemorySecretBlobStorage,
  type PostHogHandlerOptions,
  type RunStore,
} from '../../src/server/index'
import { exampleCatalog } from '../../src/testing/index'

/** Tenant names the harness authorizes through the `x-tenant` header; anything else is rejected. */
export const TENANTS = ['acme', 'globex'] as const

export interface Harness {
  emulator: Emulator
  handler: (request: Request) => Promise<Response>
  client(tenant: string): ApiClient
  /** Sends a raw request to the handler under `/api/posthog`. */
  raw(path: string, init?: RequestInit & { tenant?: string }): Promise<Response>
  logger: MemoryLogger
  scheduler: MemoryScheduler
  runs: RunStore
  secretBytes: MemorySecretBlobStorage
  /** Every response body the handler produced, as text. */
  bodies: string[]
  /** Accounts per tenant for the dry run's directory. */
  accounts: Map<string, DirectoryAccount[]>
  close(): Promise<void>
}

/** The org ids the emulator's events carry in `$group_0` (read once, to build a directory that matches some). */
export async function emulatorOrgIds(emulator: Emulator, count: number): Promise<string[]> {
  const response = await fetch(`${emulator.url}/api/projects/${emulator.projectId}/query/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${emulator.keys.full}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: {
        kind: 'HogQLQuery',
        query: `select distinct \`$group_0\` as org from events order by org limit ${count}`,
      },
    }),
  })
  const body = (await response.json()) as { results: [string][] }
  return body.results.map(([org]) => org)
}

export async function startHarness(
  options: {
    hostGuard?: HostGuardOptions
    catalog?: Catalog
    fetch?: typeof fetch
    emulator?: Emulator
    /** The scheduler saves each run-now as a `queued` run in `runs`, as a real worker does. */
    queueRuns?: boolean
  } & Pick<PostHogHandlerOptions, 'limits' | 'now'> = {},
): Promise<Harness> {
  const emulator = options.emulator ?? (await startEmulator({ size: 5000 }))
  const logger = createMemoryLogger()
  const runs = createMemoryRunStore()
  const scheduler = createMemoryScheduler({
    ...(options.queueRuns ? { runs } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
  const secretBytes = createMemorySecretBlobStorage()
  const accounts = new Map<string, DirectoryAccount[]>()
  const key = crypto.getRandomValues(new Uint8Array(32))
  const handler = createPostHogHandler({
    authorize: (request) => {
      const tenant = request.headers.get('x-tenant')
      if (!tenant) return { reject: 'unauthorized' }
      if (!(TENANTS as readonly string[]).includes(tenant)) return { reject: 'forbidden' }
      return { tenantId: tenant }
    },
    stores: { connections: createMemoryConnectionStore(), queries: createMemoryQueryStore(), runs },
    secrets: createSealingSecretStore({ keys: [{ id: 'test', key }], currentKeyId: 'test', storage: secretBytes }),
    directory: (tenantId) => createInMemoryDirectory(accounts.get(tenantId) ?? []),
    catalog: createStaticCatalog(options.catalog ?? exampleCatalog),
    scheduler,
    logger,
    hostGuard: options.hostGuard ?? { allowHttp: true, allowHosts: ['127.0.0.1'] },
    basePath: '/api/posthog',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
  const bodies: string[] = []
  const recording = async (request: Request) => {
    const response = await handler(request)
    bodies.push(await response.clone().text())
    return response
  }
  const fetchFor =
    (tenant: string): typeof fetch =>
    async (input, init) => {
      const request = new Request(new URL(String(input), 'http://host.test'), init)
      request.headers.set('x-tenant', tenant)
      return recording(request)
    }
  return {
    emulator,
    handler: recording,
    client: (tenant) => createApiClient({ baseUrl: 'http://host.test/api/posthog', fetch: fetchFor(tenant) }),
    raw: (path, init = {}) => {
      const { tenant = 'acme', ...rest } = init
      const headers = new Headers(rest.headers)
      if (tenant) headers.set('x-tenant', tenant)
      return recording(new Request(`http://host.test/api/posthog${path}`, { ...rest, headers }))
    },
    logger,
    scheduler,
    runs,
    secretBytes,
    bodies,
    accounts,
    close: async () => {
      if (!options.emulator) await emulator.close()
    },
  }
}

/** Every captured log line as one string per line (message and fields). */
export function logLines(logger: MemoryLogger): string[] {
  return logger.entries.map((entry) => `${entry.level} ${entry.message} ${JSON.stringify(entry.fields)}`)
}
