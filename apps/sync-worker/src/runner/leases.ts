import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'

/** A query's lease: which process runs it, and for which run. */
export interface LeaseHolder {
  tenantId: string
  queryId: string
  /** This process. */
  owner: string
  runId: string
}

/** Creates the query's state row if it has none (the lease and watermark live there). */
export async function ensureQueryState(db: Kysely<Database>, tenantId: string, queryId: string): Promise<void> {
  await db
    .insertInto('query_state')
    .values({
      tenant_id: tenantId,
      query_id: queryId,
      watermark_ms: null,
      lease_owner: null,
      lease_run_id: null,
      lease_expires_ms: 0,
      last_slot_ms: null,
    })
    .onConflict((c) => c.columns(['tenant_id', 'query_id']).doNothing())
    .execute()
}

/**
 * Takes the query's lease for a run when it is free, expired, or already this holder's: one statement, so of
 * several processes racing for it exactly one wins. The lease is what keeps a query's runs one at a time.
 */
export async function acquireLease(
  db: Kysely<Database>,
  holder: LeaseHolder,
  nowMs: number,
  ttlMs: number,
): Promise<boolean> {
  const take = () =>
    db
      .updateTable('query_state')
      .set({ lease_owner: holder.owner, lease_run_id: holder.runId, lease_expires_ms: nowMs + ttlMs })
      .where('tenant_id', '=', holder.tenantId)
      .where('query_id', '=', holder.queryId)
      .where((eb) =>
        eb.or([
          eb('lease_owner', 'is', null),
          eb('lease_expires_ms', '<', nowMs),
          eb.and([eb('lease_owner', '=', holder.owner), eb('lease_run_id', '=', holder.runId)]),
        ]),
      )
      .executeTakeFirst()
  if (Number((await take()).numUpdatedRows) === 1) return true
  // A query's state row exists once it has been armed or ticked; a run queued before that (a first Run now, a
  // backfill) creates it here, and asks again.
  await ensureQueryState(db, holder.tenantId, holder.queryId)
  return Number((await take()).numUpdatedRows) === 1
}

/**
 * Extends the lease if this holder still has it. `false` means another process took the query over (this one
 * stalled past the lease): the caller must stop writing. Called inside every page's transaction, so a page of a
 * run that lost its lease is rolled back, never written twice.
 */
export async function renewLease(
  db: Kysely<Database>,
  holder: LeaseHolder,
  nowMs: number,
  ttlMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('query_state')
    .set({ lease_expires_ms: nowMs + ttlMs })
    .where('tenant_id', '=', holder.tenantId)
    .where('query_id', '=', holder.queryId)
    .where('lease_owner', '=', holder.owner)
    .where('lease_run_id', '=', holder.runId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Gives the lease back at once (a finished run, or a graceful shutdown), so the next process need not wait it out. */
export async function releaseLease(db: Kysely<Database>, holder: LeaseHolder): Promise<void> {
  await db
    .updateTable('query_state')
    .set({ lease_owner: null, lease_run_id: null, lease_expires_ms: 0 })
    .where('tenant_id', '=', holder.tenantId)
    .where('query_id', '=', holder.queryId)
    .where('lease_owner', '=', holder.owner)
    .where('lease_run_id', '=', holder.runId)
    .execute()
}
