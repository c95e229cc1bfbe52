import type * as z from 'zod'
import { ImportedDataError, ImportedDataErrorCode } from './ImportedDataError'
import {
  type AccountDetail,
  type AccountPage,
  accountPageSchema,
  accountResponseSchema,
  errorBodySchema,
  type FieldPage,
  fieldPageSchema,
  type ImportedTotals,
  type ObjectPage,
  objectPageSchema,
  totalsSchema,
  type UsagePage,
  type UsagePoint,
  usagePageSchema,
  type WriterRun,
} from './importedDataSchemas'

/** Options of {@link createImportedDataClient}. */
export interface ImportedDataClientOptions {
  /** Where the host serves the worker's imported-data API. @default '/api/imported' */
  baseUrl?: string
  /** @default globalThis.fetch */
  fetch?: typeof fetch
}

/** Filters and paging of {@link ImportedDataClient.usage}. */
export interface UsageQuery {
  metric?: string
  /** ISO 8601, inclusive. */
  from?: string
  /** ISO 8601, exclusive. */
  to?: string
  limit?: number
  cursor?: string
}

/** Every usage point of an account up to a bound, with the runs that wrote them. */
export interface AllUsage {
  usage: UsagePoint[]
  runs: Record<string, WriterRun>
  /** True when the bound stopped the reading before the last page. */
  truncated: boolean
}

/** The browser's client of the worker's imported-data API. Every method takes an abort `signal`. */
export interface ImportedDataClient {
  summary(options?: { signal?: AbortSignal }): Promise<ImportedTotals>
  accounts(query?: { limit?: number; cursor?: string }, options?: { signal?: AbortSignal }): Promise<AccountPage>
  account(accountId: string, options?: { signal?: AbortSignal }): Promise<AccountDetail>
  usage(accountId: string, query?: UsageQuery, options?: { signal?: AbortSignal }): Promise<UsagePage>
  /** Follows `nextCursor` until the end or `maxPoints` (default 20,000), so a chart never loads without bound. */
  allUsage(
    accountId: string,
    query?: Omit<UsageQuery, 'cursor' | 'limit'> & { maxPoints?: number },
    options?: { signal?: AbortSignal },
  ): Promise<AllUsage>
  fields(
    accountId: string,
    query?: { limit?: number; cursor?: string },
    options?: { signal?: AbortSignal },
  ): Promise<FieldPage>
  objects(
    accountId: string,
    query?: { objectType?: string; limit?: number; cursor?: string },
    options?: { signal?: AbortSignal },
  ): Promise<ObjectPage>
}

function search(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The imported-data client: one request function (base URL, JSON, typed errors) with a method per route on top.
 * Answers are parsed with the API's schemas; an error body becomes an {@link ImportedDataError} with the worker's
 * `code` and message, a failed connection `network_error`, anything else `bad_response`.
 * @example const page = await createImportedDataClient().accounts({ limit: 50 })
 */
export function createImportedDataClient(options: ImportedDataClientOptions = {}): ImportedDataClient {
  const base = (options.baseUrl ?? '/api/imported').replace(/\/+$/, '')
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args))

  async function request<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    let response: Response
    try {
      response = await fetchFn(`${base}${path}`, { headers: { accept: 'application/json' }, signal: signal ?? null })
    } catch (error) {
      if (signal?.aborted) throw error
      throw new ImportedDataError(
        ImportedDataErrorCode.Network,
        'The sync worker could not be reached. Is it running (pnpm demo starts it)?',
        0,
        { cause: error },
      )
    }
    let body: unknown
    try {
      body = await response.json()
    } catch (error) {
      throw new ImportedDataError(
        ImportedDataErrorCode.BadResponse,
        `The server answered ${response.status} without JSON; is the sync worker behind ${base}?`,
        response.status,
        { cause: error },
      )
    }
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(body)
      if (parsed.success)
        throw new ImportedDataError(parsed.data.error.code, parsed.data.error.message, response.status)
      throw new ImportedDataError(
        ImportedDataErrorCode.BadResponse,
        `The server answered ${response.status} with an unexpected body.`,
        response.status,
      )
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      throw new ImportedDataError(
        ImportedDataErrorCode.BadResponse,
        `The answer of ${path} is not what the imported-data API sends: ${parsed.error.issues[0]?.message ?? ''}`,
        response.status,
        { cause: parsed.error },
      )
    }
    return parsed.data
  }

  const account = (id: string) => `/accounts/${encodeURIComponent(id)}`
  const client: ImportedDataClient = {
    summary: async (o) => (await request('/summary', totalsSchema, o?.signal)).totals,
    accounts: (query = {}, o) => request(`/accounts${search(query)}`, accountPageSchema, o?.signal),
    account: async (id, o) => (await request(account(id), accountResponseSchema, o?.signal)).account,
    usage: (id, query = {}, o) => request(`${account(id)}/usage${search({ ...query })}`, usagePageSchema, o?.signal),
    async allUsage(id, query = {}, o) {
      const { maxPoints = 20_000, ...filters } = query
      const usage: UsagePoint[] = []
      const runs: Record<string, WriterRun> = {}
      let cursor: string | undefined
      for (;;) {
        const limit = Math.min(10_000, maxPoints - usage.length)
        const page = await client.usage(id, { ...filters, limit, ...(cursor ? { cursor } : {}) }, o)
        usage.push(...page.usage)
        Object.assign(runs, page.runs)
        if (page.nextCursor === null) return { usage, runs, truncated: false }
        if (usage.length >= maxPoints) return { usage, runs, truncated: true }
        cursor = page.nextCursor
      }
    },
    fields: (id, query = {}, o) => request(`${account(id)}/fields${search(query)}`, fieldPageSchema, o?.signal),
    objects: (id, query = {}, o) => request(`${account(id)}/objects${search(query)}`, objectPageSchema, o?.signal),
  }
  return client
}
