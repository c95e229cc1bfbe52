import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import type { CustomFieldRow, CustomObjectRow, UsageRow } from './createImportedDataReader'
import { WorkerStoreError, WorkerStoreErrorCode } from './WorkerStoreError'

/** What the syncs imported for one account: rows per table and distinct metrics. */
export interface ImportedCounts {
  usage: number
  metrics: number
  fields: number
  objects: number
}

/** A directory account with the counts of what was imported for it. */
export interface AccountSummary {
  id: string
  name: string
  domains: string[]
  crmIds: string[]
  orgIds: string[]
  counts: ImportedCounts
}

/** One product-usage metric of an account: how many points and the time they span. */
export interface MetricSummary {
  metric: string
  points: number
  /** Epoch milliseconds of the first and last point. */
  firstMs: number
  lastMs: number
}

/** The tenant's totals: accounts in the directory and imported rows per table. */
export interface ImportedTotals {
  accounts: number
  /** Accounts with at least one imported row of any kind. */
  accountsWithData: number
  usage: number
  fields: number
  objects: number
}

/** The run that wrote imported rows, as its audit record tells it (for "written by"). */
export interface WriterRun {
  id: string
  queryId: string
  queryName: string
  type: string
  status: string
  trigger: string
  /** ISO 8601; `null` while queued. */
  startedAt: string | null
  /** ISO 8601; `null` while in flight. */
  finishedAt: string | null
}

/** A page of rows in key order and the key to continue after, `null` at the end. */
export interface KeysetPage<Row, Key> {
  rows: Row[]
  next: Key | null
}

/** Where a usage page continues: after this (metric, instant, timestamp text). */
export type UsageKey = { metric: string; tsMs: number; ts: string }
/** Where a custom object page continues: after this (type, key). */
export type ObjectKey = { objectType: string; key: string }

type AccountRow = Pick<Database['accounts'], 'id' | 'name' | 'domains' | 'crm_ids' | 'org_ids'>

function list(text: string, accountId: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.map(String) : []
  } catch (error) {
    throw new WorkerStoreError(
      WorkerStoreErrorCode.CorruptRow,
      `Account '${accountId}' has a list that is not JSON; import it again.`,
      { cause: error },
    )
  }
}

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new WorkerStoreError(
      WorkerStoreErrorCode.CorruptRow,
      `${what} is not JSON; re-run the query that wrote it.`,
      {
        cause: error,
      },
    )
  }
}

// count(*) is int8 on PostgreSQL (a number here, see openDatabase); Number() covers a driver that gives text.
const num = (value: unknown) => Number(value ?? 0)

/**
 * Reads a few ids' counts per table with one grouped statement each, so a page of accounts costs three statements
 * whatever the page size, and nothing outside the page is counted.
 */
async function countsFor(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, ImportedCounts>> {
  const counts = new Map<string, ImportedCounts>(ids.map((id) => [id, { usage: 0, metrics: 0, fields: 0, objects: 0 }]))
  if (ids.length === 0) return counts
  const [usage, fields, objects] = await Promise.all([
    db
      .selectFrom('product_usage')
      .select((eb) => ['account_id', eb.fn.countAll().as('n'), eb.fn.count('metric').distinct().as('metrics')])
      .where('tenant_id', '=', tenantId)
      .where('account_id', 'in', ids)
      .groupBy('account_id')
      .execute(),
    db
      .selectFrom('custom_field_values')
      .select((eb) => ['account_id', eb.fn.countAll().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('account_id', 'in', ids)
      .groupBy('account_id')
      .execute(),
    db
      .selectFrom('custom_object_records')
      .select((eb) => ['account_id', eb.fn.countAll().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('account_id', 'in', ids)
      .groupBy('account_id')
      .execute(),
  ])
  for (const row of usage) {
    const c = counts.get(row.account_id)
    if (c) Object.assign(c, { usage: num(row.n), metrics: num(row.metrics) })
  }
  for (const row of fields) {
    const c = counts.get(row.account_id)
    if (c) c.fields = num(row.n)
  }
  for (const row of objects) {
    const c = counts.get(row.account_id)
    if (c) c.objects = num(row.n)
  }
  return counts
}

function summaries(rows: AccountRow[], counts: Map<string, ImportedCounts>): AccountSummary[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    domains: list(row.domains, row.id),
    crmIds: list(row.crm_ids, row.id),
    orgIds: list(row.org_ids, row.id),
    counts: counts.get(row.id) ?? { usage: 0, metrics: 0, fields: 0, objects: 0 },
  }))
}

const accountColumns = ['id', 'name', 'domains', 'crm_ids', 'org_ids'] as const

/** Directory accounts in id order with their imported counts, keyset-paged by id. */
export async function accountPage(
  db: Kysely<Database>,
  tenantId: string,
  options: { limit: number; after?: string },
): Promise<KeysetPage<AccountSummary, string>> {
  let query = db
    .selectFrom('accounts')
    .select(accountColumns)
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .limit(options.limit + 1)
  if (options.after !== undefined) query = query.where('id', '>', options.after)
  const rows = await query.execute()
  const page = rows.slice(0, options.limit)
  const counts = await countsFor(
    db,
    tenantId,
    page.map((r) => r.id),
  )
  return { rows: summaries(page, counts), next: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null }
}

/** One account with its counts and its metrics, or `null` when the directory has no such account. */
export async function accountDetail(
  db: Kysely<Database>,
  tenantId: string,
  accountId: string,
): Promise<(AccountSummary & { metrics: MetricSummary[] }) | null> {
  const row = await db
    .selectFrom('accounts')
    .select(accountColumns)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', accountId)
    .executeTakeFirst()
  if (!row) return null
  const [counts, metrics] = await Promise.all([
    countsFor(db, tenantId, [accountId]),
    db
      .selectFrom('product_usage')
      .select((eb) => [
        'metric',
        eb.fn.countAll().as('n'),
        eb.fn.min('ts_ms').as('first_ms'),
        eb.fn.max('ts_ms').as('last_ms'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('account_id', '=', accountId)
      .groupBy('metric')
      .orderBy('metric')
      .execute(),
  ])
  const [summary] = summaries([row], counts)
  return {
    ...(summary as AccountSummary),
    metrics: metrics.map((m) => ({
      metric: m.metric,
      points: num(m.n),
      firstMs: num(m.first_ms),
      lastMs: num(m.last_ms),
    })),
  }
}

/** The tenant's totals (one count per table, over the primary keys' tenant prefix). */
export async function importedTotals(db: Kysely<Database>, tenantId: string): Promise<ImportedTotals> {
  const count = (table: 'accounts' | 'product_usage' | 'custom_field_values' | 'custom_object_records') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst()
      .then((row) => num(row?.n))
  // Accounts with data: the union of account ids of the three tables, counted in the database.
  const withData = db
    .selectFrom(
      db
        .selectFrom('product_usage')
        .select('account_id')
        .where('tenant_id', '=', tenantId)
        .union(db.selectFrom('custom_field_values').select('account_id').where('tenant_id', '=', tenantId))
        .union(db.selectFrom('custom_object_records').select('account_id').where('tenant_id', '=', tenantId))
        .as('ids'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst()
    .then((row) => num(row?.n))
  const [accounts, accountsWithData, usage, fields, objects] = await Promise.all([
    count('accounts'),
    withData,
    count('product_usage'),
    count('custom_field_values'),
    count('custom_object_records'),
  ])
  return { accounts, accountsWithData, usage, fields, objects }
}

/** One account's usage by metric then time, from `from` (inclusive) to `to` (exclusive), keyset-paged. */
export async function usagePage(
  db: Kysely<Database>,
  tenantId: string,
  accountId: string,
  options: { limit: number; metric?: string; fromMs?: number; toMs?: number; after?: UsageKey },
): Promise<KeysetPage<UsageRow, UsageKey>> {
  let query = db
    .selectFrom('product_usage')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('account_id', '=', accountId)
  if (options.metric !== undefined) query = query.where('metric', '=', options.metric)
  if (options.fromMs !== undefined) query = query.where('ts_ms', '>=', options.fromMs)
  if (options.toMs !== undefined) query = query.where('ts_ms', '<', options.toMs)
  const after = options.after
  if (after) {
    // Two timestamps of one instant in other spellings are distinct keys: the text breaks the tie.
    query = query.where((eb) =>
      eb.or([
        eb('metric', '>', after.metric),
        eb.and([eb('metric', '=', after.metric), eb('ts_ms', '>', after.tsMs)]),
        eb.and([eb('metric', '=', after.metric), eb('ts_ms', '=', after.tsMs), eb('ts', '>', after.ts)]),
      ]),
    )
  }
  const rows = await query
    .orderBy('metric')
    .orderBy('ts_ms')
    .orderBy('ts')
    .limit(options.limit + 1)
    .execute()
  const page = rows.slice(0, options.limit).map((row) => ({
    accountId: row.account_id,
    metric: row.metric,
    timestamp: row.ts,
    timestampMs: num(row.ts_ms),
    value: row.value,
    queryId: row.query_id,
    runId: row.run_id,
  }))
  const last = page.at(-1)
  return {
    rows: page,
    next:
      rows.length > options.limit && last ? { metric: last.metric, tsMs: last.timestampMs, ts: last.timestamp } : null,
  }
}

/** One account's custom field values by field, keyset-paged by field. */
export async function customFieldPage(
  db: Kysely<Database>,
  tenantId: string,
  accountId: string,
  options: { limit: number; after?: string },
): Promise<KeysetPage<CustomFieldRow, string>> {
  let query = db
    .selectFrom('custom_field_values')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('account_id', '=', accountId)
  if (options.after !== undefined) query = query.where('field', '>', options.after)
  const rows = await query
    .orderBy('field')
    .limit(options.limit + 1)
    .execute()
  const page = rows.slice(0, options.limit).map((row) => ({
    accountId: row.account_id,
    field: row.field,
    value: json(row.value, `Custom field '${row.field}' of account '${row.account_id}'`),
    queryId: row.query_id,
    runId: row.run_id,
  }))
  return { rows: page, next: rows.length > options.limit ? (page.at(-1)?.field ?? null) : null }
}

/** One account's custom object records by type then key, keyset-paged. */
export async function customObjectPage(
  db: Kysely<Database>,
  tenantId: string,
  accountId: string,
  options: { limit: number; objectType?: string; after?: ObjectKey },
): Promise<KeysetPage<CustomObjectRow, ObjectKey>> {
  let query = db
    .selectFrom('custom_object_records')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('account_id', '=', accountId)
  if (options.objectType !== undefined) query = query.where('object_type', '=', options.objectType)
  const after = options.after
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('object_type', '>', after.objectType),
        eb.and([eb('object_type', '=', after.objectType), eb('key', '>', after.key)]),
      ]),
    )
  }
  const rows = await query
    .orderBy('object_type')
    .orderBy('key')
    .limit(options.limit + 1)
    .execute()
  const page = rows.slice(0, options.limit).map((row) => ({
    objectType: row.object_type,
    key: row.key,
    accountId: row.account_id,
    attributes: json(row.attributes, `Record '${row.key}' of '${row.object_type}'`) as Record<string, unknown>,
    queryId: row.query_id,
    runId: row.run_id,
  }))
  const last = page.at(-1)
  return {
    rows: page,
    next: rows.length > options.limit && last ? { objectType: last.objectType, key: last.key } : null,
  }
}

/** The audit records of the runs that wrote rows, by id; runs the history no longer holds are left out. */
export async function writerRuns(
  db: Kysely<Database>,
  tenantId: string,
  runIds: readonly string[],
): Promise<Record<string, WriterRun>> {
  const ids = [...new Set(runIds)]
  if (ids.length === 0) return {}
  const rows = await db
    .selectFrom('runs')
    .select(['id', 'query_id', 'record'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute()
  const out: Record<string, WriterRun> = {}
  for (const row of rows) {
    const record = json(row.record, `Run '${row.id}'`) as Record<string, unknown>
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null)
    out[row.id] = {
      id: row.id,
      queryId: row.query_id,
      queryName: text('queryName') ?? row.query_id,
      type: text('type') ?? '',
      status: text('status') ?? '',
      trigger: text('trigger') ?? '',
      startedAt: text('startedAt'),
      finishedAt: text('finishedAt'),
    }
  }
  return out
}
