import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'

/** One imported product-usage value, with the query and run that wrote it. */
export interface UsageRow {
  accountId: string
  metric: string
  timestamp: string
  value: number
  queryId: string
  runId: string
}

/** Reads what the syncs imported: for the demo's Accounts page, the CLI and tests. */
export interface ImportedDataReader {
  usage(tenantId: string, filter?: { accountId?: string; metric?: string }): Promise<UsageRow[]>
  customFields(tenantId: string, accountId?: string): Promise<{ accountId: string; field: string; value: unknown; queryId: string; runId: string }[]>
  customObjects(
    tenantId: string,
    filter?: { accountId?: string; objectType?: string },
  ): Promise<{ objectType: string; key: string; accountId: string; attributes: Record<string, unknown>; queryId: string; runId: string }[]>
  /**
   * A digest of every imported row of the tenant in natural-key order (values included, the writing run left out)
   * and the row counts per table: two states with the same checksum hold the same data.
   */
  checksum(tenantId: string): Promise<{ digest: string; usage: number; customFields: number; customObjects: number }>
}

/** The {@link ImportedDataReader} on the imported-data tables. */
export function createImportedDataReader(db: Kysely<Database>): ImportedDataReader {
  const usage: ImportedDataReader['usage'] = async (tenantId, filter = {}) => {
    let query = db.selectFrom('product_usage').selectAll().where('tenant_id', '=', tenantId)
    if (filter.accountId) query = query.where('account_id', '=', filter.accountId)
    if (filter.metric) query = query.where('metric', '=', filter.metric)
    const rows = await query.orderBy('account_id').orderBy('metric').orderBy('ts').execute()
    return rows.map((r) => ({ accountId: r.account_id, metric: r.metric, timestamp: r.ts, value: r.value, queryId: r.query_id, runId: r.run_id }))
  }
  const customFields: ImportedDataReader['customFields'] = async (tenantId, accountId) => {
    let query = db.selectFrom('custom_field_values').selectAll().where('tenant_id', '=', tenantId)
    if (accountId) query = query.where('account_id', '=', accountId)
    const rows = await query.orderBy('account_id').orderBy('field').execute()
    return rows.map((r) => ({ accountId: r.account_id, field: r.field, value: JSON.parse(r.value), queryId: r.query_id, runId: r.run_id }))
  }
  const customObjects: ImportedDataReader['customObjects'] = async (tenantId, filter = {}) => {
    let query = db.selectFrom('custom_object_records').selectAll().where('tenant_id', '=', tenantId)
    if (filter.accountId) query = query.where('account_id', '=', filter.accountId)
    if (filter.objectType) query = query.where('object_type', '=', filter.objectType)
    const rows = await query.orderBy('object_type').orderBy('key').execute()
    return rows.map((r) => ({ objectType: r.object_type, key: r.key, accountId: r.account_id, attributes: JSON.parse(r.attributes), queryId: r.query_id, runId: r.run_id }))
  }
  return {
    usage,
    customFields,
    customObjects,
    async checksum(tenantId) {
      const hash = createHash('sha256')
      const u = await usage(tenantId)
      for (const r of u) hash.update(`u\u0000${r.accountId}\u0000${r.metric}\u0000${r.timestamp}\u0000${r.value}\n`)
      const f = await customFields(tenantId)
      for (const r of f) hash.update(`f\u0000${r.accountId}\u0000${r.field}\u0000${JSON.stringify(r.value)}\n`)
      const o = await customObjects(tenantId)
      for (const r of o) hash.update(`o\u0000${r.objectType}\u0000${r.key}\u0000${r.accountId}\u0000${JSON.stringify(r.attributes)}\n`)
      return { digest: hash.digest('hex'), usage: u.length, customFields: f.length, customObjects: o.length }
    },
  }
}
