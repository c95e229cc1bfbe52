import type { Authorize, Logger } from '@statisfy/posthog-sdk/server'
import type { Context, Hono } from 'hono'
import * as z from 'zod'
import type { ImportedDataReader } from '../store/createImportedDataReader'
import { decodeCursor, encodeCursor } from './pageCursor'

/** Page sizes of the imported-data API: the default and the most one request may ask for. */
export const IMPORTED_DATA_LIMITS = {
  accounts: { default: 50, max: 200 },
  usage: { default: 2000, max: 10_000 },
  fields: { default: 200, max: 1000 },
  objects: { default: 200, max: 1000 },
} as const

/** Options of {@link importedDataRoutes}. */
export interface ImportedDataRoutesOptions {
  /** @default '/api/imported' */
  basePath?: string
  /** Told of a failure inside a store (the response stays generic). */
  logger?: Logger
}

type Issue = { path: string; message: string }

/** An answer that is not a page: a refused request or a missing account, with the body to send. */
class RouteError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message)
  }
}

const limitOf = (kind: keyof typeof IMPORTED_DATA_LIMITS) =>
  z.coerce
    .number({ error: 'limit must be a whole number.' })
    .int({ message: 'limit must be a whole number.' })
    .min(1, { message: 'limit must be at least 1.' })
    .max(IMPORTED_DATA_LIMITS[kind].max, {
      message: `limit must be at most ${IMPORTED_DATA_LIMITS[kind].max}; page with cursor for more.`,
    })
    .default(IMPORTED_DATA_LIMITS[kind].default)

const instant = (name: string) =>
  z
    .string()
    .refine((text) => Number.isFinite(Date.parse(text)), {
      message: `${name} must be an ISO 8601 date-time, e.g. 2026-06-01T00:00:00Z.`,
    })
    .transform((text) => Date.parse(text))

const nonEmpty = (name: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${name} must not be empty.` })

// Strict: an unknown parameter is a typo the caller wants to hear about, not a filter silently ignored.
const pageQuery = (kind: keyof typeof IMPORTED_DATA_LIMITS) =>
  z.strictObject({ limit: limitOf(kind), cursor: z.string().optional() })
const accountsQuery = pageQuery('accounts')
const usageQuery = pageQuery('usage').extend({
  metric: nonEmpty('metric').optional(),
  from: instant('from').optional(),
  to: instant('to').optional(),
})
const fieldsQuery = pageQuery('fields')
const objectsQuery = pageQuery('objects').extend({ objectType: nonEmpty('objectType').optional() })
const emptyQuery = z.strictObject({})

const usageKeySchema = z.object({ metric: z.string(), tsMs: z.number(), ts: z.string() })
const objectKeySchema = z.object({ objectType: z.string(), key: z.string() })
const stringKeySchema = z.string()

function parseQuery<S extends z.ZodType>(schema: S, c: Context): z.output<S> {
  const parsed = schema.safeParse(c.req.query())
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(query)',
    message:
      issue.code === 'unrecognized_keys'
        ? `Unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}.`
        : issue.message,
  }))
  throw new RouteError(400, 'invalid_request', issues.map((i) => i.message).join(' '), issues)
}

function cursorKey<S extends z.ZodType>(schema: S, cursor: string | undefined): z.output<S> | undefined {
  if (cursor === undefined) return undefined
  const key = decodeCursor(cursor, schema)
  if (key === undefined) {
    const message = 'cursor is not one this API issued; pass nextCursor from the previous page as it came.'
    throw new RouteError(400, 'invalid_request', message, [{ path: 'cursor', message }])
  }
  return key
}

/**
 * A small read-only API over what the syncs imported, for the playground's Accounts page and anyone who wants to see
 * a sync's result without a database client. Every route is behind the worker's `authorize` and scoped to its tenant,
 * and every list is keyset-paged with a bounded `limit` (`nextCursor` continues), so a big tenant cannot make one
 * request read its whole table.
 *
 * - `GET {base}/summary`: accounts in the directory and imported rows per table.
 * - `GET {base}/accounts?limit&cursor`: accounts in id order with counts of their usage, metrics, fields, objects.
 * - `GET {base}/accounts/:accountId`: one account, its counts and its metrics (points, first and last time).
 * - `GET {base}/accounts/:accountId/usage?metric&from&to&limit&cursor`: usage points by metric then time.
 * - `GET {base}/accounts/:accountId/fields?limit&cursor`: custom field values by field.
 * - `GET {base}/accounts/:accountId/objects?objectType&limit&cursor`: custom object records by type then key.
 *
 * Row pages carry `runs`: the audit record (query, status, when) of each run that wrote a row of the page.
 * Errors: `{ error: { code, message, issues? } }`, 400 `invalid_request` naming the parameter, 401/403 from
 * `authorize`, 404 `account_not_found`.
 * @example createWorkerServer({ ..., routes: importedDataRoutes(stores.data, { logger }) })
 */
export function importedDataRoutes(
  reader: ImportedDataReader,
  options: ImportedDataRoutesOptions = {},
): (app: Hono, authorize: Authorize) => void {
  const base = options.basePath ?? '/api/imported'
  return (app, authorize) => {
    /** Runs `handle` for the request's tenant and turns refusals and failures into JSON errors. */
    const route =
      (handle: (c: Context, tenantId: string) => Promise<unknown>) =>
      async (c: Context): Promise<Response> => {
        try {
          const auth = await authorize(c.req.raw)
          if ('reject' in auth) {
            const forbidden = auth.reject === 'forbidden'
            throw new RouteError(
              forbidden ? 403 : 401,
              auth.reject,
              auth.message ?? (forbidden ? 'You may not read the imported data.' : 'Sign in again.'),
            )
          }
          return c.json(await handle(c, auth.tenantId))
        } catch (error) {
          if (error instanceof RouteError) {
            const issues = error.issues.length > 0 ? { issues: error.issues } : {}
            return c.json({ error: { code: error.code, message: error.message, ...issues } }, error.status)
          }
          options.logger?.error('imported data request failed', {
            path: new URL(c.req.url).pathname,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          })
          const message = 'Reading the imported data failed on the server; try again, and see the worker’s log.'
          return c.json({ error: { code: 'internal_error', message } }, 500)
        }
      }

    async function accountOr404(tenantId: string, accountId: string) {
      const account = await reader.account(tenantId, accountId)
      if (!account) {
        throw new RouteError(
          404,
          'account_not_found',
          `No account '${accountId}' in the directory; list them at ${base}/accounts.`,
        )
      }
      return account
    }

    app.get(
      `${base}/summary`,
      route(async (c, tenantId) => {
        parseQuery(emptyQuery, c)
        return { totals: await reader.totals(tenantId) }
      }),
    )
    app.get(
      `${base}/accounts`,
      route(async (c, tenantId) => {
        const query = parseQuery(accountsQuery, c)
        const after = cursorKey(stringKeySchema, query.cursor)
        const page = await reader.accountPage(tenantId, { limit: query.limit, ...(after ? { after } : {}) })
        return { accounts: page.rows, nextCursor: page.next === null ? null : encodeCursor(page.next) }
      }),
    )
    app.get(
      `${base}/accounts/:accountId`,
      route(async (c, tenantId) => {
        parseQuery(emptyQuery, c)
        return { account: await accountOr404(tenantId, c.req.param('accountId') ?? '') }
      }),
    )
    app.get(
      `${base}/accounts/:accountId/usage`,
      route(async (c, tenantId) => {
        const query = parseQuery(usageQuery, c)
        if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
          const message = 'from must be before to.'
          throw new RouteError(400, 'invalid_request', message, [{ path: 'to', message }])
        }
        const accountId = c.req.param('accountId') ?? ''
        await accountOr404(tenantId, accountId)
        const after = cursorKey(usageKeySchema, query.cursor)
        const page = await reader.usagePage(tenantId, accountId, {
          limit: query.limit,
          ...(query.metric !== undefined ? { metric: query.metric } : {}),
          ...(query.from !== undefined ? { fromMs: query.from } : {}),
          ...(query.to !== undefined ? { toMs: query.to } : {}),
          ...(after ? { after } : {}),
        })
        return {
          usage: page.rows.map(({ accountId: _, ...row }) => row),
          runs: await reader.writers(
            tenantId,
            page.rows.map((r) => r.runId),
          ),
          nextCursor: page.next === null ? null : encodeCursor(page.next),
        }
      }),
    )
    app.get(
      `${base}/accounts/:accountId/fields`,
      route(async (c, tenantId) => {
        const query = parseQuery(fieldsQuery, c)
        const accountId = c.req.param('accountId') ?? ''
        await accountOr404(tenantId, accountId)
        const after = cursorKey(stringKeySchema, query.cursor)
        const page = await reader.customFieldPage(tenantId, accountId, {
          limit: query.limit,
          ...(after !== undefined ? { after } : {}),
        })
        return {
          fields: page.rows.map(({ accountId: _, ...row }) => row),
          runs: await reader.writers(
            tenantId,
            page.rows.map((r) => r.runId),
          ),
          nextCursor: page.next === null ? null : encodeCursor(page.next),
        }
      }),
    )
    app.get(
      `${base}/accounts/:accountId/objects`,
      route(async (c, tenantId) => {
        const query = parseQuery(objectsQuery, c)
        const accountId = c.req.param('accountId') ?? ''
        await accountOr404(tenantId, accountId)
        const after = cursorKey(objectKeySchema, query.cursor)
        const page = await reader.customObjectPage(tenantId, accountId, {
          limit: query.limit,
          ...(query.objectType !== undefined ? { objectType: query.objectType } : {}),
          ...(after ? { after } : {}),
        })
        return {
          objects: page.rows.map(({ accountId: _, ...row }) => row),
          runs: await reader.writers(
            tenantId,
            page.rows.map((r) => r.runId),
          ),
          nextCursor: page.next === null ? null : encodeCursor(page.next),
        }
      }),
    )
  }
}
