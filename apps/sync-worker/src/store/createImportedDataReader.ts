import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import {
  type AccountSummary,
  accountDetail,
  accountPage,
  customFieldPage,
  customObjectPage,
  type ImportedTotals,
  importedTotals,
  type KeysetPage,
  type MetricSummary,
  type ObjectKey,
  type UsageKey,
  usagePage,
  type WriterRun,
  writerRuns,
} from './createImportedDataReaderPages'
import { WorkerStoreError, WorkerStoreErrorCode } from './WorkerStoreError'

/** Which query and run last wrote an imported row. */
export interface WrittenBy {
  queryId: string
  runId: string
}

/** An imported product-usage value (natural key: account, metric, timestamp). */
export interface UsageRow extends WrittenBy {
  accountId: string
  metric: string
  /** UTC ISO 8601 as the engine gave it (PostHog's microseconds kept). */
  timestamp: string
  /** The same instant in epoch milliseconds. */
  timestampMs: number
  value: number
}

/** An imported custom field value (natural key: account, field). */
export interface CustomFieldRow extends WrittenBy {
  accountId: string
  field: string
  /** The JSON value; `null` clears the field. */
  value: unknown
}

/** An imported custom object record (natural key: object type, key). */
export interface CustomObjectRow extends WrittenBy {
  objectType: string
  key: string
  accountId: string
  attributes: Record<string, unknown>
}

/** Filter of {@link ImportedDataReader.usage}; `from` is inclusive, `to` exclusive. */
export interface UsageFilter {
  accountId?: string
  metric?: string
  from?: Date | string
  to?: Date | string
}

/** What {@link ImportedDataReader.checksum} gives: a digest of the tenant's imported data and its rows per table. */
export interface ImportedDataChecksum {
  /** SHA-256 (hex) over every imported row in natural-key order, the writing run left out. */
  digest: string
  counts: { product_usage: number; custom_field_values: number; custom_object_records: number }
}

/** Reads what the syncs imported: for the demo's Accounts page, the CLI and tests. */
export interface ImportedDataReader {
  /** Product usage by account, metric, then time. */
  usage(tenantId: string, filter?: UsageFilter): Promise<UsageRow[]>
  /** Custom field values by account, then field. */
  customFields(tenantId: string, accountId?: string): Promise<CustomFieldRow[]>
  /** Custom object records by type, then key. */
  customObjects(tenantId: string, filter?: { accountId?: string; objectType?: string }): Promise<CustomObjectRow[]>
  /**
   * A digest that is the same whenever the tenant holds the same imported data, whichever runs wrote it and in
   * whichever order, on either dialect: re-running a window must leave it unchanged (idempotency tests).
   */
  checksum(tenantId: string): Promise<ImportedDataChecksum>
  // Bounded reads for an HTTP API: each page is one index range, `limit` rows at most, however big the tenant.
  /** Directory accounts in id order with their imported counts, `limit` after the id `after`. */
  accountPage(tenantId: string, options: { limit: number; after?: string }): Promise<KeysetPage<AccountSummary, string>>
  /** One account with its counts and metrics, `null` when not in the directory. */
  account(tenantId: string, accountId: string): Promise<(AccountSummary & { metrics: MetricSummary[] }) | null>
  /** Accounts and imported rows of the tenant. */
  totals(tenantId: string): Promise<ImportedTotals>
  /** One account's usage by metric then time; `fromMs` inclusive, `toMs` exclusive. */
  usagePage(
    tenantId: string,
    accountId: string,
    options: { limit: number; metric?: string; fromMs?: number; toMs?: number; after?: UsageKey },
  ): Promise<KeysetPage<UsageRow, UsageKey>>
  /** One account's custom field values by field. */
  customFieldPage(
    tenantId: string,
    accountId: string,
    options: { limit: number; after?: string },
  ): Promise<KeysetPage<CustomFieldRow, string>>
  /** One account's custom object records by type then key. */
  customObjectPage(
    tenantId: string,
    accountId: string,
    options: { limit: number; objectType?: string; after?: ObjectKey },
  ): Promise<KeysetPage<CustomObjectRow, ObjectKey>>
  /** The audit records of the runs that wrote rows, by id (a run no longer in the history is left out). */
  writers(tenantId: string, runIds: readonly string[]): Promise<Record<string, WriterRun>>
}

export type {
  AccountSummary,
  ImportedCounts,
  ImportedTotals,
  KeysetPage,
  MetricSummary,
  ObjectKey,
  UsageKey,
  WriterRun,
} from './createImportedDataReaderPages'

function instantOf(value: Date | string, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value)
  if (!Number.isFinite(ms)) {
    throw new WorkerStoreError(
      WorkerStoreErrorCode.InvalidValue,
      `${name} '${String(value)}' is not a date-time; pass a Date or ISO 8601.`,
    )
  }
  return ms
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

// Code-unit order of natural keys: the same on every machine, unlike a database collation or localeCompare.
function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number
    const y = b[i] as string | number
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/**
 * The {@link ImportedDataReader} on `product_usage`, `custom_field_values` and `custom_object_records`. `checksum`
 * reads every row of the tenant into memory: meant for tests and demo-sized tenants.
 * @example const { digest } = await createImportedDataReader(database.db).checksum('acme')
 */
export function createImportedDataReader(db: Kysely<Database>): ImportedDataReader {
  return {
    accountPage: (tenantId, options) => accountPage(db, tenantId, options),
    account: (tenantId, accountId) => accountDetail(db, tenantId, accountId),
    totals: (tenantId) => importedTotals(db, tenantId),
    usagePage: (tenantId, accountId, options) => usagePage(db, tenantId, accountId, options),
    customFieldPage: (tenantId, accountId, options) => customFieldPage(db, tenantId, accountId, options),
    customObjectPage: (tenantId, accountId, options) => customObjectPage(db, tenantId, accountId, options),
    writers: (tenantId, runIds) => writerRuns(db, tenantId, runIds),
    async usage(tenantId, filter = {}) {
      let query = db.selectFrom('product_usage').selectAll().where('tenant_id', '=', tenantId)
      if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId)
      if (filter.metric !== undefined) query = query.where('metric', '=', filter.metric)
      if (filter.from !== undefined) query = query.where('ts_ms', '>=', instantOf(filter.from, 'from'))
      if (filter.to !== undefined) query = query.where('ts_ms', '<', instantOf(filter.to, 'to'))
      const rows = await query.orderBy('account_id').orderBy('metric').orderBy('ts_ms').execute()
      return rows.map((row) => ({
        accountId: row.account_id,
        metric: row.metric,
        timestamp: row.ts,
        timestampMs: row.ts_ms,
        value: row.value,
        queryId: row.query_id,
        runId: row.run_id,
      }))
    },
    async customFields(tenantId, accountId) {
      let query = db.selectFrom('custom_field_values').selectAll().where('tenant_id', '=', tenantId)
      if (accountId !== undefined) query = query.where('account_id', '=', accountId)
      const rows = await query.orderBy('account_id').orderBy('field').execute()
      return rows.map((row) => ({
        accountId: row.account_id,
        field: row.field,
        value: json(row.value, `Custom field '${row.field}' of account '${row.account_id}'`),
        queryId: row.query_id,
        runId: row.run_id,
      }))
    },
    async customObjects(tenantId, filter = {}) {
      let query = db.selectFrom('custom_object_records').selectAll().where('tenant_id', '=', tenantId)
      if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId)
      if (filter.objectType !== undefined) query = query.where('object_type', '=', filter.objectType)
      const rows = await query.orderBy('object_type').orderBy('key').execute()
      return rows.map((row) => ({
        objectType: row.object_type,
        key: row.key,
        accountId: row.account_id,
        attributes: json(row.attributes, `Record '${row.key}' of '${row.object_type}'`) as Record<string, unknown>,
        queryId: row.query_id,
        runId: row.run_id,
      }))
    },
    async checksum(tenantId) {
      const [usage, fields, objects] = await Promise.all([
        db
          .selectFrom('product_usage')
          .select(['account_id', 'metric', 'ts', 'ts_ms', 'value', 'query_id'])
          .where('tenant_id', '=', tenantId)
          .execute(),
        db
          .selectFrom('custom_field_values')
          .select(['account_id', 'field', 'value', 'query_id'])
          .where('tenant_id', '=', tenantId)
          .execute(),
        db
          .selectFrom('custom_object_records')
          .select(['object_type', 'key', 'account_id', 'attributes', 'query_id'])
          .where('tenant_id', '=', tenantId)
          .execute(),
      ])
      // One JSON line per row, natural key first; JSON text (values, attributes) is hashed as stored, so a value
      // rewritten with other formatting counts as a change.
      const lines = [
        ...usage.map((r) => ['product_usage', r.account_id, r.metric, r.ts, r.ts_ms, r.value, r.query_id]),
        ...fields.map((r) => ['custom_field_values', r.account_id, r.field, r.value, r.query_id]),
        ...objects.map((r) => ['custom_object_records', r.object_type, r.key, r.account_id, r.attributes, r.query_id]),
      ]
      // Sorting on the natural key columns only (each table's first ones) keeps the order independent of values.
      const keyLength = { product_usage: 4, custom_field_values: 3, custom_object_records: 3 } as Record<string, number>
      lines.sort((a, b) => compareKeys(a.slice(0, keyLength[a[0] as string]), b.slice(0, keyLength[b[0] as string])))
      const hash = createHash('sha256')
      for (const line of lines) hash.update(`${JSON.stringify(line)}\n`)
      return {
        digest: hash.digest('hex'),
        counts: {
          product_usage: usage.length,
          custom_field_values: fields.length,
          custom_object_records: objects.length,
        },
      }
    },
  }
}
