import { randomUUID } from 'node:crypto'
import { backfillWindows, type QueryDefinition } from '@statisfy/posthog-sdk'
import { transact } from '../db/transact'
import { queueRun } from './ledger'
import type { RunContext } from './RunContext'

/** A backfill's state, for the CLI's progress and summary. */
export interface BackfillState {
  id: string
  tenantId: string
  queryKey: string
  status: 'running' | 'succeeded' | 'failed'
  chunks: { start: string; end: string; status: string; runId: string | null }[]
}

/** Backfills: chunked, resumable, serialised with the query's regular runs by its lease. */
export interface Backfills {
  /**
   * Starts a backfill of `[from, to)`, or returns the unfinished one of the same query and range (so running the
   * same command after a restart resumes it without re-running finished chunks).
   */
  start(tenantId: string, queryKey: string, from: Date, to: Date): Promise<string>
  get(id: string): Promise<BackfillState | null>
  /**
   * Moves running backfills on (one, or all): records finished chunks and queues the next one. The worker calls it
   * when a chunk's run ends, and the sweep for all of them.
   */
  advance(id?: string): Promise<void>
}

interface Hooks {
  drain(tenantId: string, queryKey: string): void
  definitionOf(tenantId: string, queryKey: string): Promise<QueryDefinition | null>
}

// Thrown to roll back a chunk's queued run when another caller assigned the chunk first.
const chunkTaken = new Error('The backfill chunk was queued by another caller.')

/**
 * Backfills run one chunk at a time as ordinary runs of the query (trigger `backfill`, window fixed per chunk), so
 * the query's lease keeps them from ever running beside its regular runs, a chunk killed mid-way resumes from its
 * checkpoint like any run, and the live watermark is never touched. The chunk table records which chunks are done.
 */
export function createBackfills(context: RunContext, hooks: Hooks): Backfills {
  const { database, clock } = context
  const db = database.db

  async function advanceOne(id: string): Promise<void> {
    const backfill = await db.selectFrom('backfills').selectAll().where('id', '=', id).executeTakeFirst()
    if (backfill?.status !== 'running') return
    const chunks = await db
      .selectFrom('backfill_chunks')
      .selectAll()
      .where('backfill_id', '=', id)
      .orderBy('seq')
      .execute()
    for (const chunk of chunks) {
      if (chunk.status === 'succeeded' || chunk.status === 'partial') continue
      if (chunk.run_id) {
        const run = await db
          .selectFrom('runs')
          .select(['stage', 'record'])
          .where('id', '=', chunk.run_id)
          .executeTakeFirst()
        if (run && run.stage < 2) {
          hooks.drain(backfill.tenant_id, backfill.query_id)
          return
        }
        const status = run ? (JSON.parse(run.record) as { status: string }).status : 'failed'
        await db
          .updateTable('backfill_chunks')
          .set({ status })
          .where('backfill_id', '=', id)
          .where('seq', '=', chunk.seq)
          .execute()
        if (status === 'succeeded' || status === 'partial') continue
        // A failed chunk stops the backfill; running the command again retries from this chunk.
        await db.updateTable('backfills').set({ status: 'failed' }).where('id', '=', id).execute()
        return
      }
      const definition = await hooks.definitionOf(backfill.tenant_id, backfill.query_id)
      if (!definition) {
        await db.updateTable('backfills').set({ status: 'failed' }).where('id', '=', id).execute()
        context.logger.error('A backfill stopped: its query no longer exists or is not valid.', { backfillId: id })
        return
      }
      // The run's end, the sweep and the CLI all advance backfills, in several processes: the chunk goes to the
      // one transaction that finds it unassigned, and the others roll their queued run back.
      const queued = await transact(database, async (trx) => {
        const runId = await queueRun(trx, {
          tenantId: backfill.tenant_id,
          queryKey: backfill.query_id,
          definition: { ...definition, id: backfill.query_id },
          trigger: 'backfill',
          nowMs: clock.now(),
          backfillId: id,
          window: { startMs: chunk.start_ms, endMs: chunk.end_ms },
        })
        const assigned = await trx
          .updateTable('backfill_chunks')
          .set({ run_id: runId })
          .where('backfill_id', '=', id)
          .where('seq', '=', chunk.seq)
          .where('run_id', 'is', null)
          .executeTakeFirst()
        if (Number(assigned.numUpdatedRows) !== 1) throw chunkTaken
        return true
      }).catch((error: unknown) => {
        if (error === chunkTaken) return false
        throw error
      })
      if (queued) hooks.drain(backfill.tenant_id, backfill.query_id)
      return
    }
    await db.updateTable('backfills').set({ status: 'succeeded' }).where('id', '=', id).execute()
  }

  return {
    async start(tenantId, queryKey, from, to) {
      const definition = await hooks.definitionOf(tenantId, queryKey)
      if (!definition) throw new Error(`No valid query '${queryKey}' for tenant '${tenantId}' to backfill.`)
      if (!definition.hogql.includes('{period_start}') && !definition.hogql.includes('{period_end}')) {
        throw new Error(
          `Query '${queryKey}' does not use {period_start}/{period_end}, so it has no time range to backfill: run it with \`sync-worker run\` instead.`,
        )
      }
      const existing = await db
        .selectFrom('backfills')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('query_id', '=', queryKey)
        .where('from_ms', '=', from.getTime())
        .where('to_ms', '=', to.getTime())
        .where('status', '!=', 'succeeded')
        .executeTakeFirst()
      if (existing) {
        await db.updateTable('backfills').set({ status: 'running' }).where('id', '=', existing.id).execute()
        // A failed chunk is retried from its checkpoint-free start: its rows are upserts.
        await db
          .updateTable('backfill_chunks')
          .set({ status: 'pending', run_id: null })
          .where('backfill_id', '=', existing.id)
          .where('status', '=', 'failed')
          .execute()
        await advanceOne(existing.id)
        return existing.id
      }
      // Chunks on plain instants: a grain's bucket boundaries are in PostHog's zone, which the runs read; the
      // client still cuts each chunk on bucket boundaries inside it.
      const windows = backfillWindows(from, to, context.tunables.backfillChunkMs, { now: new Date(clock.now()) })
      const id = `bf_${randomUUID()}`
      await transact(database, async (trx) => {
        await trx
          .insertInto('backfills')
          .values({
            id,
            tenant_id: tenantId,
            query_id: queryKey,
            from_ms: from.getTime(),
            to_ms: to.getTime(),
            status: 'running',
            created_at: clock.now(),
          })
          .execute()
        await trx
          .insertInto('backfill_chunks')
          .values(
            windows.map((w, seq) => ({
              backfill_id: id,
              seq,
              start_ms: w.start.getTime(),
              end_ms: w.end.getTime(),
              status: 'pending',
              run_id: null,
            })),
          )
          .execute()
      })
      await advanceOne(id)
      return id
    },
    async get(id) {
      const backfill = await db.selectFrom('backfills').selectAll().where('id', '=', id).executeTakeFirst()
      if (!backfill) return null
      const chunks = await db
        .selectFrom('backfill_chunks')
        .selectAll()
        .where('backfill_id', '=', id)
        .orderBy('seq')
        .execute()
      return {
        id,
        tenantId: backfill.tenant_id,
        queryKey: backfill.query_id,
        status: backfill.status as BackfillState['status'],
        chunks: chunks.map((c) => ({
          start: new Date(c.start_ms).toISOString(),
          end: new Date(c.end_ms).toISOString(),
          status: c.status,
          runId: c.run_id,
        })),
      }
    },
    async advance(id) {
      if (id) return advanceOne(id)
      const open = await db.selectFrom('backfills').select('id').where('status', '=', 'running').execute()
      for (const backfill of open) await advanceOne(backfill.id)
    },
  }
}
