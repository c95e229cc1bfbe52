import {
  ApiError,
  ApiErrorCode,
  type ApiInFlightRun,
  type ApiRejectedRow,
  type ApiRun,
  apiRejectedRowSchema,
  apiRunSchema,
  isRunInFlight,
} from '@statisfy/posthog-sdk'
import type { RunStore } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import * as z from 'zod'
import type { Database } from '../db/Database'
import { atomically } from './atomically'
import { chunksOf } from './chunksOf'
import { WorkerStoreError, WorkerStoreErrorCode } from './WorkerStoreError'

/** Options of {@link createRunStore}. */
export interface RunStoreOptions {
  /**
   * `db` is the caller's transaction (for example the one `transact()` opened): `addRejects` then runs its two
   * statements in it instead of opening its own. `save` is one statement either way.
   * @default db.isTransaction
   */
  inTransaction?: boolean
}

// `updated_ms` of a run saved without a heartbeat (`updatedAt`): such a save is taken whatever the stored heartbeat,
// and any save is taken over it, as the memory store does. The column is NOT NULL, and no real instant is negative.
const NO_HEARTBEAT = -1
// The `stage` column: how far along its lifecycle a run is; a save never lowers it.
const FINISHED = 2
// Rejects per insert: 3 parameters each, far below SQLite's 32,766 and PostgreSQL's 65,535.
const REJECTS_PER_INSERT = 500

// The same error, message and issue path as the SDK's memory store, so the handler answers a bad cursor alike.
const badCursor = () =>
  new ApiError(ApiErrorCode.InvalidRequest, 'The cursor is not one this server issued; start again without it.', {
    status: 400,
    issues: [{ path: 'cursor', message: 'Pass back nextCursor unchanged, or leave it out for the first page.' }],
  })

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}
function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw badCursor()
  }
}

/** Where a run sorts in the history: `[sort_group, sort_ms, id]`, the columns of the `runs_history` index. */
type SortKey = [group: 0 | 1, ms: number, id: string]

function decodeSortKey(cursor: string): SortKey {
  const decoded = decode(cursor)
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    (decoded[0] !== 0 && decoded[0] !== 1) ||
    !Number.isSafeInteger(decoded[1]) ||
    typeof decoded[2] !== 'string'
  )
    throw badCursor()
  return decoded as SortKey
}

// Timestamps become epoch milliseconds, so they compare as instants: the API accepts offsets and any fraction of a
// second, whose text does not sort in time order.
function instant(text: string, runId: string, field: string): number {
  const ms = Date.parse(text)
  if (!Number.isFinite(ms)) {
    throw new WorkerStoreError(
      WorkerStoreErrorCode.InvalidValue,
      `Run ${runId}: ${field} '${text}' is not a date-time.`,
    )
  }
  return ms
}

/** The columns a save writes; an update leaves the worker's own columns (slot, window, checkpoint, attempts, rejects) alone. */
function columnsOf(tenantId: string, run: ApiRun) {
  const inFlight = isRunInFlight(run)
  return {
    id: run.id,
    tenant_id: tenantId,
    query_id: run.queryId,
    trigger: run.trigger,
    stage: run.status === 'queued' ? 0 : run.status === 'running' ? 1 : FINISHED,
    sort_group: inFlight ? 0 : 1,
    sort_ms: inFlight ? instant(run.queuedAt, run.id, 'queuedAt') : instant(run.startedAt, run.id, 'startedAt'),
    updated_ms: inFlight
      ? run.updatedAt
        ? instant(run.updatedAt, run.id, 'updatedAt')
        : NO_HEARTBEAT
      : instant(run.finishedAt, run.id, 'finishedAt'),
    record: JSON.stringify(run),
  }
}

// What a first save gives the worker's columns: the migration's defaults (the table types make them explicit).
const WORKER_COLUMN_DEFAULTS = {
  slot_ms: null,
  backfill_id: null,
  window_start_ms: null,
  window_end_ms: null,
  checkpoint_ms: null,
  committed: null,
  attempts: 0,
  reject_count: 0,
} as const

/** The worker's own columns of a run it queues (what a `save` never touches). */
export interface QueuedRunColumns {
  slot_ms: number | null
  backfill_id: string | null
  window_start_ms: number | null
  window_end_ms: number | null
}

/**
 * Inserts a run the worker has just queued, its record and its worker columns in one statement (a `save` and then an
 * update would be two, on every slot). The id must be new (`run_<uuid>`): an id already stored fails the insert.
 */
export async function insertQueuedRun(
  db: Kysely<Database>,
  tenantId: string,
  run: ApiInFlightRun,
  columns: QueuedRunColumns,
): Promise<void> {
  const checked = apiRunSchema.safeParse(run)
  if (!checked.success) throw invalidRun(run.id, checked.error)
  await db
    .insertInto('runs')
    .values({ ...columnsOf(tenantId, run), ...WORKER_COLUMN_DEFAULTS, ...columns })
    .execute()
}

const invalidRun = (id: string, error: z.ZodError) =>
  new WorkerStoreError(
    WorkerStoreErrorCode.InvalidValue,
    `Run ${id} is not a valid ApiRun, so it could not be read back: ${z.prettifyError(error)}`,
    { cause: error },
  )

function corrupt(what: string, error: unknown): WorkerStoreError {
  const detail =
    error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error)
  return new WorkerStoreError(
    WorkerStoreErrorCode.CorruptRow,
    `${what} is stored in a form this worker cannot read (${detail}). It was edited by hand or written by an incompatible version: fix the JSON or delete the row.`,
    { cause: error },
  )
}

/** Parses a stored `runs.record` with the SDK's `apiRunSchema`; a row that does not parse names its run. */
function readRun(id: string, record: string): ApiRun {
  try {
    return apiRunSchema.parse(JSON.parse(record))
  } catch (error) {
    throw corrupt(`Run ${id}`, error)
  }
}

function readReject(runId: string, seq: number, data: string): ApiRejectedRow {
  try {
    return apiRejectedRowSchema.parse(JSON.parse(data))
  } catch (error) {
    throw corrupt(`Rejected row ${seq} of run ${runId}`, error)
  }
}

/**
 * The SDK's {@link RunStore} on the worker's database, with the memory store's behaviour: the history in keyset
 * order over the `runs_history` index (in-flight runs first, newest queued first, then finished runs newest started
 * first, ties by id descending), opaque cursors, rejects paged by `seq`.
 *
 * `save` is one conditional upsert, so a save racing another from any process can never move a run back: the
 * database applies it only when the stored row is not further along (stage, then heartbeat). A run id is global in
 * the table: saving a run whose id another tenant's run holds throws `run_of_other_tenant`.
 *
 * @example
 * const runs = createRunStore(database.db)
 * await runs.save('acme', queuedRun(definition, 'run_1', 'manual', new Date()))
 */
export function createRunStore(db: Kysely<Database>, options: RunStoreOptions = {}): RunStore {
  const inTransaction = options.inTransaction ?? db.isTransaction

  return {
    async list(tenantId, { queryId, cursor, limit }) {
      const after = cursor === undefined ? undefined : decodeSortKey(cursor)
      let query = db
        .selectFrom('runs')
        .select(['id', 'record', 'sort_group', 'sort_ms'])
        .where('tenant_id', '=', tenantId)
        .orderBy('sort_group', 'asc')
        .orderBy('sort_ms', 'desc')
        .orderBy('id', 'desc')
        // One row more than the page says whether there is a next one.
        .limit(limit + 1)
      if (queryId !== undefined) query = query.where('query_id', '=', queryId)
      if (after) {
        const [group, ms, id] = after
        // The order mixes directions (group ascending, time and id descending), so no row-value comparison.
        query = query.where((eb) =>
          eb.or([
            eb('sort_group', '>', group),
            eb.and([
              eb('sort_group', '=', group),
              eb.or([eb('sort_ms', '<', ms), eb.and([eb('sort_ms', '=', ms), eb('id', '<', id)])]),
            ]),
          ]),
        )
      }
      const rows = await query.execute()
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      return {
        runs: page.map((row) => readRun(row.id, row.record)),
        nextCursor:
          rows.length > limit && last
            ? encode([last.sort_group === 0 ? 0 : 1, last.sort_ms, last.id] satisfies SortKey)
            : null,
      }
    },

    async get(tenantId, runId) {
      const row = await db
        .selectFrom('runs')
        .select('record')
        .where('id', '=', runId)
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst()
      return row ? readRun(runId, row.record) : null
    },

    async listRejects(tenantId, runId, { cursor, limit }) {
      const run = await db
        .selectFrom('runs')
        .select('reject_count')
        .where('id', '=', runId)
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst()
      if (!run) return null
      const start = cursor === undefined ? 0 : decode(cursor)
      if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 0) throw badCursor()
      const rows = await db
        .selectFrom('run_rejects')
        .select(['seq', 'data'])
        .where('run_id', '=', runId)
        .where('seq', '>=', start)
        .orderBy('seq', 'asc')
        .limit(limit + 1)
        .execute()
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      return {
        rejects: page.map((row) => readReject(runId, row.seq, row.data)),
        nextCursor: rows.length > limit && last ? encode(last.seq + 1) : null,
        total: run.reject_count,
      }
    },

    async save(tenantId, run) {
      const checked = apiRunSchema.safeParse(run)
      if (!checked.success) throw invalidRun(run.id, checked.error)
      const result = await db
        .insertInto('runs')
        .values({ ...columnsOf(tenantId, run), ...WORKER_COLUMN_DEFAULTS })
        .onConflict((conflict) =>
          conflict
            .column('id')
            .doUpdateSet((eb) => ({
              query_id: eb.ref('excluded.query_id'),
              trigger: eb.ref('excluded.trigger'),
              stage: eb.ref('excluded.stage'),
              sort_group: eb.ref('excluded.sort_group'),
              sort_ms: eb.ref('excluded.sort_ms'),
              updated_ms: eb.ref('excluded.updated_ms'),
              record: eb.ref('excluded.record'),
            }))
            // The memory store's `movesBack`, evaluated by the database on the row as it is when the statement
            // runs (PostgreSQL locks the conflicting row first; SQLite runs one writer at a time).
            .where((eb) =>
              eb.and([
                eb('runs.tenant_id', '=', eb.ref('excluded.tenant_id')),
                eb.or([
                  eb('excluded.stage', '>', eb.ref('runs.stage')),
                  eb.and([
                    eb('excluded.stage', '=', eb.ref('runs.stage')),
                    eb.or([
                      eb('excluded.stage', '=', FINISHED),
                      eb('excluded.updated_ms', '=', NO_HEARTBEAT),
                      eb('runs.updated_ms', '=', NO_HEARTBEAT),
                      eb('excluded.updated_ms', '>=', eb.ref('runs.updated_ms')),
                    ]),
                  ]),
                ]),
              ]),
            ),
        )
        .executeTakeFirst()
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return
      // Not written: the stored run is further along (ignored, by contract), or the id is another tenant's.
      const owner = await db.selectFrom('runs').select('tenant_id').where('id', '=', run.id).executeTakeFirst()
      if (owner && owner.tenant_id !== tenantId) {
        throw new WorkerStoreError(
          WorkerStoreErrorCode.RunOfOtherTenant,
          `Run id ${run.id} is taken by another tenant's run; give every run a unique id (run_<uuid>).`,
        )
      }
    },

    async addRejects(tenantId, runId, rejects) {
      await atomically(db, inTransaction, async (trx) => {
        // Reserving the seq range and bumping the count is one statement, so two writers never get the same seqs.
        const reserved = await trx
          .updateTable('runs')
          .set((eb) => ({ reject_count: eb('reject_count', '+', rejects.length) }))
          .where('id', '=', runId)
          .where('tenant_id', '=', tenantId)
          .returning('reject_count')
          .executeTakeFirst()
        if (!reserved) {
          throw new WorkerStoreError(
            WorkerStoreErrorCode.NotFound,
            `Run ${runId} is not saved for tenant ${tenantId}; save() it before adding rejects.`,
          )
        }
        let seq = reserved.reject_count - rejects.length
        for (const chunk of chunksOf(rejects, REJECTS_PER_INSERT)) {
          await trx
            .insertInto('run_rejects')
            .values(chunk.map((reject) => ({ run_id: runId, seq: seq++, data: JSON.stringify(reject) })))
            .execute()
        }
      })
    },
  }
}
