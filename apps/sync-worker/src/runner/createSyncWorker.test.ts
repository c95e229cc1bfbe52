import type { Emulator } from '@statisfy/posthog-emulator'
import { isRunInFlight } from '@statisfy/posthog-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../test/testDatabases'
import {
  createTestWorker,
  dailyUsageQuery,
  perEventQuery,
  saveQuery,
  startTestEmulator,
  TENANT,
} from '../../test/workerHarness'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator?.close())

const HOUR = 3_600_000

describe.each(dialects)('the sync worker on %s', (kind) => {
  it('runs a query now: rows land in the tables, the run record is final, the watermark is its window end', async () => {
    const t = await createTestWorker(kind, emulator)
    try {
      await saveQuery(t.worker, t.stores, dailyUsageQuery())
      const runId = await t.worker.runNow(TENANT, 'daily-usage')
      await t.worker.waitForRun(runId)
      const run = await t.stores.runs().get(TENANT, runId)
      if (!run || isRunInFlight(run)) throw new Error('the run did not finish')
      expect(run.status === 'succeeded' || run.status === 'partial').toBe(true)
      expect(run.counts.written).toBeGreaterThan(100)
      const data = await t.stores.data.checksum(TENANT)
      expect(data.counts.product_usage).toBe(run.counts.written)
      const state = await t.database.db
        .selectFrom('query_state')
        .selectAll()
        .where('query_id', '=', 'daily-usage')
        .executeTakeFirstOrThrow()
      expect(state.watermark_ms).toBe(Date.parse(run.window?.end ?? ''))
      expect(state.lease_owner).toBeNull()
    } finally {
      await t.close()
    }
  })

  it('is idempotent: re-running the same window leaves every imported table identical and changes no row', async () => {
    const t = await createTestWorker(kind, emulator)
    try {
      await saveQuery(t.worker, t.stores, perEventQuery())
      const first = await t.worker.runNow(TENANT, 'per-event')
      await t.worker.waitForRun(first)
      const once = await t.stores.data.checksum(TENANT)
      const window = await t.database.db
        .selectFrom('runs')
        .select(['window_start_ms', 'window_end_ms'])
        .where('id', '=', first)
        .executeTakeFirstOrThrow()
      // The same window again: a backfill over exactly it (it never moves the watermark).
      const backfill = await t.worker.backfills.start(
        TENANT,
        'per-event',
        new Date(window.window_start_ms ?? 0),
        new Date(window.window_end_ms ?? 0),
      )
      for (let i = 0; i < 600 && (await t.worker.backfills.get(backfill))?.status === 'running'; i++)
        await new Promise((r) => setTimeout(r, 100))
      expect((await t.worker.backfills.get(backfill))?.status).toBe('succeeded')
      expect(await t.stores.data.checksum(TENANT)).toEqual(once)
      const rewritten = await t.database.db
        .selectFrom('product_usage')
        .select('run_id')
        .where('run_id', '!=', first)
        .execute()
      expect(rewritten).toHaveLength(0)
      expect(once.counts.product_usage).toBeGreaterThan(10_000)
    } finally {
      await t.close()
    }
  })

  it('collapses downtime: a query due many times runs once, its window covering the whole gap; older slots are missed', async () => {
    let now = Date.parse('2026-10-20T12:30:00Z')
    const clock = { now: () => now, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 20))) }
    const t = await createTestWorker(kind, emulator, {
      clock,
      tunables: { catchUpMs: 3 * HOUR, initialLookbackMs: HOUR, sweepGraceMs: 0, sweepEveryMs: 60_000 },
    })
    try {
      await saveQuery(t.worker, t.stores, dailyUsageQuery())
      // The worker goes down at 12:30 with the 13:00 slot next, and comes back at 18:10.
      const first = await t.worker.runNow(TENANT, 'daily-usage')
      await t.worker.waitForRun(first)
      now = Date.parse('2026-10-20T18:10:00Z')
      await t.worker.sweep()
      const slots = await t.database.db
        .selectFrom('slots')
        .selectAll()
        .where('query_id', '=', 'daily-usage')
        .orderBy('slot_ms')
        .execute()
      expect(
        slots.map((s) => [
          new Date(s.slot_ms).toISOString().slice(11, 16),
          s.status === 'running' || s.status === 'queued' || s.status === 'succeeded' || s.status === 'partial'
            ? 'run'
            : s.status,
        ]),
      ).toEqual([
        ['13:00', 'missed'],
        ['14:00', 'missed'],
        // 18:10 - 15:00 is more than the 3-hour catch-up window.
        ['15:00', 'missed'],
        ['16:00', 'collapsed'],
        ['17:00', 'collapsed'],
        ['18:00', 'run'],
      ])
      const runId = slots.at(-1)?.run_id ?? ''
      await t.worker.waitForRun(runId)
      const run = await t.database.db
        .selectFrom('runs')
        .select(['window_start_ms', 'window_end_ms'])
        .where('id', '=', runId)
        .executeTakeFirstOrThrow()
      const firstRun = await t.database.db
        .selectFrom('runs')
        .select('window_end_ms')
        .where('id', '=', first)
        .executeTakeFirstOrThrow()
      // One run reads from the previous run's watermark to when it started: the whole gap, nothing skipped.
      expect(run.window_start_ms).toBe(firstRun.window_end_ms)
      expect(run.window_end_ms).toBe(now)
      // A second sweep (or a late tick from the queue) finds nothing new to run.
      await t.worker.sweep()
      expect(
        await t.database.db.selectFrom('slots').select('slot_ms').where('query_id', '=', 'daily-usage').execute(),
      ).toHaveLength(6)
    } finally {
      await t.close()
    }
  })

  it('never overlaps: with a run in flight one due tick is buffered and later ones are skipped in the ledger', async () => {
    let now = Date.parse('2026-10-20T10:00:00Z')
    const clock = { now: () => now, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 20))) }
    const t = await createTestWorker(kind, emulator, { clock })
    try {
      await saveQuery(
        t.worker,
        t.stores,
        dailyUsageQuery({ cadence: { kind: 'every_minutes', minutes: 5, timeZone: 'UTC' } }),
      )
      // A run in flight held by another (live) process: its lease is not expired.
      await t.database.db
        .updateTable('query_state')
        .set({ lease_owner: 'other-process', lease_run_id: 'run_other', lease_expires_ms: now + 10 * HOUR })
        .where('query_id', '=', 'daily-usage')
        .execute()
      const outcomes = []
      for (const minute of [5, 10, 15]) {
        now = Date.parse(`2026-10-20T10:${String(minute).padStart(2, '0')}:00Z`)
        outcomes.push((await t.worker.tick({ tenantId: TENANT, queryId: 'daily-usage', slotMs: now }))?.kind)
      }
      expect(outcomes).toEqual(['queued', 'buffered_already', 'buffered_already'])
      const statuses = await t.database.db
        .selectFrom('slots')
        .select('status')
        .where('query_id', '=', 'daily-usage')
        .orderBy('slot_ms')
        .execute()
      expect(statuses.map((s) => s.status)).toEqual(['queued', 'skipped', 'skipped'])
      const waiting = await t.database.db
        .selectFrom('runs')
        .select('stage')
        .where('query_id', '=', 'daily-usage')
        .execute()
      expect(waiting).toEqual([{ stage: 0 }])
    } finally {
      await t.close()
    }
  })

  it('skips a tenant with activity tracking off without calling PostHog', async () => {
    let calls = 0
    const counting: typeof fetch = (input, init) => {
      calls++
      return fetch(input, init)
    }
    const t = await createTestWorker(kind, emulator, { fetch: counting })
    try {
      await saveQuery(t.worker, t.stores, dailyUsageQuery())
      await t.stores.tenants.setTracking(TENANT, false)
      const runId = await t.worker.runNow(TENANT, 'daily-usage')
      await t.worker.waitForRun(runId)
      const run = await t.stores.runs().get(TENANT, runId)
      expect(run).toMatchObject({ status: 'skipped', skipReason: 'tracking_disabled' })
      expect(calls).toBe(0)
    } finally {
      await t.close()
    }
  })

  it("refuses a broken saved config by name, and the tenant's other queries still run", async () => {
    const t = await createTestWorker(kind, emulator)
    try {
      await saveQuery(t.worker, t.stores, dailyUsageQuery())
      await saveQuery(t.worker, t.stores, perEventQuery())
      await t.database.db
        .updateTable('queries')
        .set({ definition: '{"version":1,"id":"per-event","type":"nonsense"}' })
        .where('id', '=', 'per-event')
        .execute()
      const broken = await t.worker.runNow(TENANT, 'daily-usage')
      await t.worker.waitForRun(broken)
      expect((await t.stores.runs().get(TENANT, broken))?.status).not.toBe('failed')
      await expect(t.worker.runNow(TENANT, 'per-event')).rejects.toThrow(
        /The stored query 'per-event' of tenant 'acme' is not a valid definition: .+ save it again\./,
      )
    } finally {
      await t.close()
    }
  })

  it('leaves a stored query with an unknown time zone unscheduled, names it and the zone, and runs the others', async () => {
    const logged: Array<{ message: string; fields: Record<string, unknown> | undefined }> = []
    const record = (message: string, fields?: Record<string, unknown>) => {
      logged.push({ message, fields })
    }
    const t = await createTestWorker(kind, emulator, {
      logger: { debug: record, info: record, warn: record, error: record },
    })
    try {
      await saveQuery(t.worker, t.stores, dailyUsageQuery())
      await saveQuery(t.worker, t.stores, perEventQuery())
      // Written by an older version, or by hand: the zone is not one the time zone database knows.
      const stored = await t.database.db
        .selectFrom('queries')
        .select('definition')
        .where('id', '=', 'per-event')
        .executeTakeFirstOrThrow()
      const definition = JSON.parse(stored.definition)
      definition.cadence.timeZone = 'Mars/Olympus_Mons'
      await t.database.db
        .updateTable('queries')
        .set({ definition: JSON.stringify(definition) })
        .where('id', '=', 'per-event')
        .execute()
      logged.length = 0
      await t.worker.start()
      const refusal = logged.find((l) => l.fields?.queryId === 'per-event')
      expect(refusal?.message).toMatch(/not a valid definition; it is not scheduled/)
      expect(String(refusal?.fields?.error)).toContain('"Mars/Olympus_Mons" is not an IANA time zone')
      await expect(t.worker.runNow(TENANT, 'per-event')).rejects.toThrow(/Mars\/Olympus_Mons.+save it again/)
      const run = await t.worker.runNow(TENANT, 'daily-usage')
      await t.worker.waitForRun(run)
      expect((await t.stores.runs().get(TENANT, run))?.status).toMatch(/^(succeeded|partial)$/)
    } finally {
      await t.close()
    }
  })

  it("takes over a dead process's run after its lease expires and resumes it from its checkpoint", async () => {
    const t = await createTestWorker(kind, emulator, {
      tunables: { leaseMs: 1000, initialLookbackMs: 400 * 86_400_000, maxSpanMs: 400 * 86_400_000 },
    })
    try {
      await saveQuery(t.worker, t.stores, perEventQuery())
      // A reference run, uninterrupted, for the data the resumed one must end with.
      const reference = await t.worker.runNow(TENANT, 'per-event')
      await t.worker.waitForRun(reference)
      const expected = await t.stores.data.checksum(TENANT)
      const ref = await t.database.db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', reference)
        .executeTakeFirstOrThrow()
      await t.database.db.deleteFrom('product_usage').execute()
      // A dead process's run: running, half its window committed (checkpoint), its lease long expired.
      const mid = Math.floor(((ref.window_start_ms ?? 0) + (ref.window_end_ms ?? 0)) / 2)
      const record = JSON.parse(ref.record)
      const dead = {
        ...record,
        id: 'run_dead',
        status: 'running',
        startedAt: record.startedAt,
        queuedAt: record.startedAt,
        progress: { rowsRead: 0, written: 0, rejected: 0 },
      }
      delete dead.counts
      await t.stores.runs().save(TENANT, {
        id: 'run_dead',
        trigger: 'schedule',
        queryId: 'per-event',
        queryName: 'Every event',
        type: 'product_usage',
        status: 'running',
        dryRun: false,
        queuedAt: record.startedAt,
        startedAt: record.startedAt,
        progress: { rowsRead: 0, written: 0, rejected: 0 },
      })
      await t.database.db
        .updateTable('runs')
        .set({
          window_start_ms: ref.window_start_ms,
          window_end_ms: ref.window_end_ms,
          checkpoint_ms: mid,
          attempts: 1,
        })
        .where('id', '=', 'run_dead')
        .execute()
      await t.database.db
        .updateTable('query_state')
        .set({ lease_owner: 'dead', lease_run_id: 'run_dead', lease_expires_ms: Date.now() - 1 })
        .where('query_id', '=', 'per-event')
        .execute()
      // The rows before the checkpoint, as the dead process committed them.
      const before = await t.database.db.selectFrom('runs').select('id').execute()
      expect(before.length).toBe(2)
      await t.worker.sweep()
      await t.worker.waitForRun('run_dead')
      const resumed = await t.database.db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', 'run_dead')
        .executeTakeFirstOrThrow()
      expect(resumed.stage).toBe(2)
      expect(resumed.attempts).toBe(2)
      // It read only from its checkpoint on: the rows before it are the dead process's (deleted here), so the table
      // holds exactly the second half.
      const rows = await t.database.db.selectFrom('product_usage').select('ts_ms').execute()
      expect(rows.length).toBeGreaterThan(0)
      expect(Math.min(...rows.map((r) => r.ts_ms))).toBeGreaterThanOrEqual(mid)
      expect(expected.counts.product_usage).toBeGreaterThan(rows.length)
    } finally {
      await t.close()
    }
  })
})
