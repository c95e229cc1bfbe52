import type { SampledReject } from '@statisfy/posthog-sdk'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/Database'
import type { WorkerDatabase } from '../db/openDatabase'
import type { PageContents, UsageRows } from './PageBuffer'

/** Who wrote the rows: kept on every imported row, so the Accounts view can say which run wrote it. */
export interface WrittenBy {
  tenantId: string
  queryId: string
  runId: string
}

const CHUNK = 500

/**
 * Writes a page's records inside the caller's transaction: upserts on each type's natural key that change a row
 * only when its value differs, so re-running a window changes nothing (and keeps the run that first wrote a value).
 * Returns how many rows were inserted or changed.
 */
export async function writePage(
  database: WorkerDatabase,
  trx: Kysely<Database>,
  page: PageContents,
  by: WrittenBy,
): Promise<number> {
  let changed = await writeUsage(database, trx, page.usage, by)
  for (let from = 0; from < page.fields.length; from += CHUNK) {
    const rows = page.fields.slice(from, from + CHUNK).map((r) => ({
      tenant_id: by.tenantId,
      account_id: r.accountId,
      field: r.field,
      value: JSON.stringify(r.value ?? null),
      query_id: by.queryId,
      run_id: by.runId,
    }))
    const result = await trx
      .insertInto('custom_field_values')
      .values(rows)
      .onConflict((c) =>
        c
          .columns(['tenant_id', 'account_id', 'field'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            query_id: eb.ref('excluded.query_id'),
            run_id: eb.ref('excluded.run_id'),
          }))
          .where((eb) => eb('custom_field_values.value', '!=', eb.ref('excluded.value'))),
      )
      .executeTakeFirst()
    changed += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  for (let from = 0; from < page.objects.length; from += CHUNK) {
    const rows = page.objects.slice(from, from + CHUNK).map((r) => ({
      tenant_id: by.tenantId,
      object_type: r.objectType,
      key: r.key,
      account_id: r.accountId,
      attributes: JSON.stringify(r.attributes),
      query_id: by.queryId,
      run_id: by.runId,
    }))
    const result = await trx
      .insertInto('custom_object_records')
      .values(rows)
      .onConflict((c) =>
        c
          .columns(['tenant_id', 'object_type', 'key'])
          .doUpdateSet((eb) => ({
            account_id: eb.ref('excluded.account_id'),
            attributes: eb.ref('excluded.attributes'),
            query_id: eb.ref('excluded.query_id'),
            run_id: eb.ref('excluded.run_id'),
          }))
          .where((eb) =>
            eb.or([
              eb('custom_object_records.attributes', '!=', eb.ref('excluded.attributes')),
              eb('custom_object_records.account_id', '!=', eb.ref('excluded.account_id')),
            ]),
          ),
      )
      .executeTakeFirst()
    changed += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return changed
}

/** Appends a page's rejected rows to the run, numbering them after those already stored. */
export async function writeRejects(
  trx: Kysely<Database>,
  runId: string,
  rejects: readonly SampledReject[],
): Promise<void> {
  if (rejects.length === 0) return
  const run = await trx.selectFrom('runs').select('reject_count').where('id', '=', runId).executeTakeFirstOrThrow()
  for (let from = 0; from < rejects.length; from += CHUNK) {
    await trx
      .insertInto('run_rejects')
      .values(
        rejects
          .slice(from, from + CHUNK)
          .map((reject, i) => ({ run_id: runId, seq: run.reject_count + from + i, data: JSON.stringify(reject) })),
      )
      .execute()
  }
  await trx
    .updateTable('runs')
    .set({ reject_count: run.reject_count + rejects.length })
    .where('id', '=', runId)
    .execute()
}

// Product usage is the bulk of every sync: a prepared statement in a loop on SQLite (one transaction, no SQL text
// per row), one `unnest` statement per chunk on PostgreSQL (arrays as parameters: one round trip for 10,000 rows).
async function writeUsage(
  database: WorkerDatabase,
  trx: Kysely<Database>,
  usage: UsageRows,
  by: WrittenBy,
): Promise<number> {
  const count = usage.accountId.length
  if (count === 0) return 0
  if (database.kind === 'sqlite') {
    const sqlite = database.sqlite
    if (!sqlite) throw new Error('The SQLite handle is missing from the worker database.')
    const statement = sqlite.prepare(
      `insert into product_usage (tenant_id, account_id, metric, ts, ts_ms, value, query_id, run_id) values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (tenant_id, account_id, metric, ts) do update set value = excluded.value, ts_ms = excluded.ts_ms,
         query_id = excluded.query_id, run_id = excluded.run_id
       where product_usage.value is not excluded.value`,
    )
    let changed = 0
    for (let i = 0; i < count; i++) {
      changed += statement.run(
        by.tenantId,
        usage.accountId[i],
        usage.metric[i],
        usage.ts[i],
        usage.tsMs[i],
        usage.value[i],
        by.queryId,
        by.runId,
      ).changes
    }
    return changed
  }
  let changed = 0
  const step = 10_000
  for (let from = 0; from < count; from += step) {
    const to = Math.min(count, from + step)
    const result = await sql`
      insert into product_usage (tenant_id, account_id, metric, ts, ts_ms, value, query_id, run_id)
      select ${by.tenantId}, u.a, u.m, u.t, u.tm, u.v, ${by.queryId}, ${by.runId}
      from unnest(${usage.accountId.slice(from, to)}::text[], ${usage.metric.slice(from, to)}::text[], ${usage.ts.slice(from, to)}::text[],
                  ${usage.tsMs.slice(from, to)}::bigint[], ${usage.value.slice(from, to)}::float8[]) as u(a, m, t, tm, v)
      on conflict (tenant_id, account_id, metric, ts) do update set value = excluded.value, ts_ms = excluded.ts_ms,
        query_id = excluded.query_id, run_id = excluded.run_id
      where product_usage.value is distinct from excluded.value`.execute(trx)
    changed += Number(result.numAffectedRows ?? 0)
  }
  return changed
}
