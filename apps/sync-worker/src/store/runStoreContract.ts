// The RunStore contract as the SDK's memory store defines it (its tests, ported), run against the memory store and
// the Kysely store on both dialects, so the worker's history behaves exactly as the handler's tests expect.
import { type ApiFinishedRun, type ApiInFlightRun, type ApiRejectedRow, isApiError } from '@statisfy/posthog-sdk'
import type { RunStore } from '@statisfy/posthog-sdk/server'
import { expect, it } from 'vitest'

/** A finished run report as the sync worker would save it (the SDK's test fixture). */
export function runFixture(
  overrides: Partial<ApiFinishedRun> & Pick<ApiFinishedRun, 'id' | 'queryId' | 'startedAt'>,
): ApiFinishedRun {
  return {
    trigger: 'schedule',
    queryName: 'Daily events',
    type: 'product_usage',
    status: 'partial',
    skipReason: null,
    dryRun: false,
    finishedAt: overrides.startedAt,
    durationMs: 1200,
    window: null,
    counts: { read: 10, written: 8, rejected: 2, unmatched: 2, ambiguous: 0, byReason: { unmatched_account: 2 } },
    reasons: [],
    posthog: { hogql: ['SELECT 1'], requests: 1, elapsedMs: 80, timings: [] },
    error: null,
    ...overrides,
  }
}

/** A run saved but not finished: `running` with progress (or `queued`). */
export function inFlightRunFixture(
  overrides: Partial<ApiInFlightRun> & Pick<ApiInFlightRun, 'id' | 'queryId' | 'queuedAt'>,
): ApiInFlightRun {
  return {
    trigger: 'manual',
    queryName: 'Daily events',
    type: 'product_usage',
    status: 'running',
    dryRun: false,
    startedAt: overrides.queuedAt,
    progress: { rowsRead: 500, written: 490, rejected: 10 },
    ...overrides,
  }
}

/** `count` rejected rows numbered from `from` (1 by default). */
export function rejectsFixture(count: number, from = 1): ApiRejectedRow[] {
  return Array.from({ length: count }, (_, i) => ({
    row: from + i,
    column: 'org_id',
    value: `org_${from + i}`,
    reason: 'unmatched_account',
    message: `No account has org id org_${from + i}.`,
    rowData: { org_id: `org_${from + i}`, value: from + i },
  }))
}

async function listAll(store: RunStore, tenantId: string, limit: number, queryId?: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const page = await store.list(tenantId, { limit, ...(cursor ? { cursor } : {}), ...(queryId ? { queryId } : {}) })
    expect(page.runs.length).toBeLessThanOrEqual(limit)
    ids.push(...page.runs.map((run) => run.id))
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return ids
}

async function expectBadCursor(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(isApiError(error)).toBe(true)
  expect(error).toMatchObject({ code: 'invalid_request', issues: [{ path: 'cursor' }] })
}

/** Declares the contract's tests in the current `describe`; `store()` gives an empty store for each test. */
export function runStoreContract(store: () => RunStore): void {
  it('orders runs by the instant of their timestamps, whatever ISO-8601 form a worker wrote them in', async () => {
    const runs = store()
    // The API accepts offsets and any fraction of a second; ordered as text these would come out of time order.
    const inFlight = [
      ['q_offset', '2026-06-02T01:00:00+02:00'], // 2026-06-01T23:00Z, the oldest queued
      ['q_millis', '2026-06-02T00:30:00.500Z'],
      ['q_plain', '2026-06-02T00:30:00Z'],
    ] as const
    const finished = [
      ['f_offset', '2026-06-01T12:00:00-05:00'], // 17:00Z, the newest started
      ['f_plain', '2026-06-01T16:00:00Z'],
    ] as const
    for (const [id, queuedAt] of inFlight) await runs.save('acme', inFlightRunFixture({ id, queryId: 'q', queuedAt }))
    for (const [id, startedAt] of finished) await runs.save('acme', runFixture({ id, queryId: 'q', startedAt }))

    const expected = ['q_millis', 'q_plain', 'q_offset', 'f_offset', 'f_plain']
    expect((await runs.list('acme', { limit: 10 })).runs.map((run) => run.id)).toEqual(expected)
    expect(await listAll(runs, 'acme', 2)).toEqual(expected)
  })

  it('never moves a run back to an earlier heartbeat: a late in-flight save with an older updatedAt is ignored', async () => {
    const runs = store()
    const queuedAt = '2026-06-02T00:00:00Z'
    const at = (updatedAt: string, rowsRead: number) =>
      inFlightRunFixture({
        id: 'r',
        queryId: 'q',
        queuedAt,
        updatedAt,
        progress: { rowsRead, written: 0, rejected: 0 },
      })
    await runs.save('acme', at('2026-06-02T00:01:00Z', 200))
    await runs.save('acme', at('2026-06-02T00:00:30Z', 100))
    expect(await runs.get('acme', 'r')).toMatchObject({
      updatedAt: '2026-06-02T00:01:00Z',
      progress: { rowsRead: 200 },
    })
    // A later heartbeat (the same instant written with an offset counts as the same, so it is taken) moves it on.
    await runs.save('acme', at('2026-06-02T02:01:00+02:00', 200))
    await runs.save('acme', at('2026-06-02T00:02:00Z', 300))
    expect(await runs.get('acme', 'r')).toMatchObject({
      updatedAt: '2026-06-02T00:02:00Z',
      progress: { rowsRead: 300 },
    })
    // A save without a heartbeat (a worker from before heartbeats) is still taken, as before.
    const { updatedAt: _, ...noHeartbeat } = at('2026-06-02T00:00:00Z', 400)
    await runs.save('acme', noHeartbeat)
    expect(await runs.get('acme', 'r')).toMatchObject({ progress: { rowsRead: 400 } })
    // And any heartbeat is taken over a save that had none.
    await runs.save('acme', at('2026-06-01T23:59:00Z', 450))
    expect(await runs.get('acme', 'r')).toMatchObject({ progress: { rowsRead: 450 } })
    // Running over queued is forward whatever the heartbeats say; the final report always lands.
    await runs.save('acme', { ...at('2026-06-02T00:09:00Z', 0), status: 'queued', startedAt: null })
    expect((await runs.get('acme', 'r'))?.status).toBe('running')
    await runs.save('acme', runFixture({ id: 'r', queryId: 'q', startedAt: queuedAt }))
    expect((await runs.get('acme', 'r'))?.status).toBe('partial')
    // Nothing in flight lands over the finished run; a corrected final report does.
    await runs.save('acme', at('2026-06-03T00:00:00Z', 999))
    expect((await runs.get('acme', 'r'))?.status).toBe('partial')
    await runs.save('acme', runFixture({ id: 'r', queryId: 'q', startedAt: queuedAt, status: 'succeeded' }))
    expect((await runs.get('acme', 'r'))?.status).toBe('succeeded')
  })

  it('moves a run from queued to running to finished, and it changes place in the history as it goes', async () => {
    const runs = store()
    await runs.save('acme', runFixture({ id: 'old', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
    const queued = inFlightRunFixture({ id: 'new', queryId: 'q', queuedAt: '2026-06-02T00:00:00Z', status: 'queued' })
    await runs.save('acme', { ...queued, startedAt: null, progress: { rowsRead: 0, written: 0, rejected: 0 } })
    expect((await runs.list('acme', { limit: 5 })).runs.map((r) => [r.id, r.status])).toEqual([
      ['new', 'queued'],
      ['old', 'partial'],
    ])
    await runs.save('acme', { ...queued, status: 'running', startedAt: '2026-06-02T00:00:05Z' })
    expect((await runs.get('acme', 'new'))?.status).toBe('running')
    await runs.save('acme', runFixture({ id: 'new', queryId: 'q', startedAt: '2026-05-31T00:00:00Z' }))
    // Finished, it sorts by when it started among the finished runs.
    expect(await listAll(runs, 'acme', 1)).toEqual(['old', 'new'])
  })

  it('keeps tenants apart and filters by query', async () => {
    const runs = store()
    await runs.save('acme', runFixture({ id: 'a1', queryId: 'usage', startedAt: '2026-06-01T01:00:00Z' }))
    await runs.save('acme', runFixture({ id: 'a2', queryId: 'fields', startedAt: '2026-06-01T02:00:00Z' }))
    await runs.save('acme', inFlightRunFixture({ id: 'a3', queryId: 'usage', queuedAt: '2026-06-01T03:00:00Z' }))
    await runs.save('globex', runFixture({ id: 'g1', queryId: 'usage', startedAt: '2026-06-01T04:00:00Z' }))
    expect(await listAll(runs, 'acme', 10)).toEqual(['a3', 'a2', 'a1'])
    expect(await listAll(runs, 'acme', 1, 'usage')).toEqual(['a3', 'a1'])
    expect(await listAll(runs, 'globex', 10)).toEqual(['g1'])
    expect(await runs.get('globex', 'a1')).toBeNull()
    expect(await runs.listRejects('globex', 'a1', { limit: 10 })).toBeNull()
    expect(await listAll(runs, 'initech', 10)).toEqual([])
  })

  it('breaks ties of the same instant by id, newest id first, across pages', async () => {
    const runs = store()
    const ids = ['run_a', 'run_b', 'run_c', 'run_d', 'run_e']
    for (const id of ids) await runs.save('acme', runFixture({ id, queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
    expect(await listAll(runs, 'acme', 2)).toEqual([...ids].reverse())
  })

  it('keeps later pages stable while new runs arrive', async () => {
    const runs = store()
    for (let i = 1; i <= 4; i++) {
      await runs.save('acme', runFixture({ id: `f${i}`, queryId: 'q', startedAt: `2026-06-0${i}T00:00:00Z` }))
    }
    const first = await runs.list('acme', { limit: 2 })
    expect(first.runs.map((r) => r.id)).toEqual(['f4', 'f3'])
    await runs.save('acme', runFixture({ id: 'f5', queryId: 'q', startedAt: '2026-06-05T00:00:00Z' }))
    await runs.save('acme', inFlightRunFixture({ id: 'live', queryId: 'q', queuedAt: '2026-06-06T00:00:00Z' }))
    const second = await runs.list('acme', { limit: 2, cursor: first.nextCursor ?? '' })
    expect(second.runs.map((r) => r.id)).toEqual(['f2', 'f1'])
    expect(second.nextCursor).toBeNull()
  })

  it('refuses a cursor it did not issue with invalid_request at path cursor', async () => {
    const runs = store()
    await runs.save('acme', runFixture({ id: 'r', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
    await runs.addRejects('acme', 'r', rejectsFixture(3))
    for (const cursor of ['%%%', 'bm90IGpzb24', btoa(JSON.stringify({ a: 1 })), btoa(JSON.stringify([2, 0, 'x']))]) {
      await expectBadCursor(runs.list('acme', { limit: 2, cursor }))
    }
    for (const cursor of ['%%%', btoa(JSON.stringify(-1)), btoa(JSON.stringify(1.5)), btoa(JSON.stringify('1'))]) {
      await expectBadCursor(runs.listRejects('acme', 'r', { limit: 2, cursor }))
    }
  })

  it('appends rejects in order, pages them, counts them all, and keeps them when the run is saved again', async () => {
    const runs = store()
    const queued = inFlightRunFixture({ id: 'r', queryId: 'q', queuedAt: '2026-06-01T00:00:00Z' })
    await runs.save('acme', queued)
    await runs.addRejects('acme', 'r', rejectsFixture(3, 1))
    await runs.addRejects('acme', 'r', [])
    await runs.addRejects('acme', 'r', rejectsFixture(4, 4))
    await runs.save('acme', runFixture({ id: 'r', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
    await runs.addRejects('acme', 'r', rejectsFixture(1, 8))
    const rows: number[] = []
    let cursor: string | undefined
    do {
      const page = await runs.listRejects('acme', 'r', { limit: 3, ...(cursor ? { cursor } : {}) })
      expect(page?.total).toBe(8)
      rows.push(...(page?.rejects.map((r) => r.row) ?? []))
      cursor = page?.nextCursor ?? undefined
    } while (cursor)
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    const page = await runs.listRejects('acme', 'r', { limit: 100 })
    expect(page?.rejects[0]).toEqual(rejectsFixture(1)[0])
    expect(page?.nextCursor).toBeNull()
    expect(await runs.listRejects('acme', 'none', { limit: 1 })).toBeNull()
  })

  it('refuses rejects for a run that was not saved, with the message the memory store gives', async () => {
    const runs = store()
    await expect(runs.addRejects('acme', 'missing', rejectsFixture(1))).rejects.toThrow(
      'Run missing is not saved for tenant acme; save() it before adding rejects.',
    )
  })

  it('returns copies: changing what it gave back does not change the store', async () => {
    const runs = store()
    await runs.save('acme', runFixture({ id: 'r', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
    const got = (await runs.get('acme', 'r')) as ApiFinishedRun
    got.counts.read = 999
    expect(((await runs.get('acme', 'r')) as ApiFinishedRun).counts.read).toBe(10)
  })
}
