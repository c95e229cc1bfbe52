// A run is visible from the moment it is queued: the scheduler saves it `queued`, the worker `running` with progress,
// then the finished report; the handler serves each state through getRun, listRuns and the saved query's lastRun.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiRun } from '../../src/api/index'
import { productUsageQuery } from '../../src/testing/index'
import { inFlightRunFixture, rejectsFixture, runFixture } from './fixtures'
import { type Harness, startHarness } from './harness'

let h: Harness
// The handler's and the scheduler's clock; each test sets it near its runs' times.
let clock = new Date('2026-05-01T10:00:00Z')
const minutes = (n: number) => n * 60_000
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms)

beforeAll(async () => {
  h = await startHarness({ queueRuns: true, now: () => clock })
  await h.client('acme').saveQuery(productUsageQuery({ id: 'usage', name: 'Usage' }))
})
afterAll(async () => {
  await h.close()
})

const ids = (runs: ApiRun[]) => runs.map((run) => run.id)

describe('runs in flight', () => {
  it('answers getRun for a run queued by Run now, before the worker has touched it', async () => {
    const api = h.client('acme')
    const { runId, queuedAt } = await api.runQuery('usage')
    if (!runId) throw new Error('the memory scheduler assigns run ids up front')
    const run = await api.getRun(runId)
    expect(run).toMatchObject({
      id: runId,
      status: 'queued',
      trigger: 'manual',
      queryId: 'usage',
      queryName: 'Usage',
      startedAt: null,
      progress: { rowsRead: 0, written: 0, rejected: 0 },
    })
    // Saved by the scheduler before the handler stamped the response.
    expect(run.status === 'queued' && Date.parse(run.queuedAt)).toBeLessThanOrEqual(Date.parse(queuedAt))
    expect((await api.getQuery('usage')).lastRun?.id).toBe(runId)
  })

  it('serves the running run with its progress and the rejects added so far, then the finished report', async () => {
    const api = h.client('acme')
    const queued = inFlightRunFixture({ id: 'run_live', queryId: 'usage', queuedAt: '2026-05-01T10:00:00Z' })
    await h.runs.save('acme', { ...queued, status: 'queued', startedAt: null })
    await h.runs.save('acme', { ...queued, progress: { rowsRead: 1000, written: 997, rejected: 3 } })
    await h.runs.addRejects('acme', 'run_live', rejectsFixture(3))
    expect(await api.getRun('run_live')).toMatchObject({
      status: 'running',
      startedAt: '2026-05-01T10:00:00Z',
      progress: { rowsRead: 1000, written: 997, rejected: 3 },
    })
    expect((await api.listRunRejects('run_live')).total).toBe(3)

    const done = runFixture({ id: 'run_live', queryId: 'usage', startedAt: '2026-05-01T10:00:00Z', status: 'partial' })
    await h.runs.save('acme', done)
    await h.runs.addRejects('acme', 'run_live', rejectsFixture(2))
    expect(await api.getRun('run_live')).toEqual(done)
    expect((await api.listRunRejects('run_live')).total).toBe(5)
  })

  it('never moves a run back: a late progress save does not undo its end, nor queued a running run', async () => {
    const api = h.client('acme')
    const running = inFlightRunFixture({ id: 'run_late', queryId: 'usage', queuedAt: '2026-05-02T10:00:00Z' })
    await h.runs.save('acme', running)
    await h.runs.save('acme', { ...running, status: 'queued', startedAt: null })
    expect((await api.getRun('run_late')).status).toBe('running')
    const done = runFixture({ id: 'run_late', queryId: 'usage', startedAt: '2026-05-02T10:00:01Z', status: 'failed' })
    await h.runs.save('acme', done)
    await h.runs.save('acme', running)
    expect(await api.getRun('run_late')).toEqual(done)
  })

  it('lists in-flight runs first, newest queued first, then finished runs newest first, across pages', async () => {
    clock = new Date('2026-06-02T01:02:00Z')
    const api = h.client('globex')
    await h.client('globex').saveQuery(productUsageQuery({ id: 'usage', name: 'Usage' }))
    // A finished run newer than either in-flight one still lists after them.
    await h.runs.save('globex', runFixture({ id: 'g_done_new', queryId: 'usage', startedAt: '2026-06-03T00:00:00Z' }))
    await h.runs.save('globex', runFixture({ id: 'g_done_old', queryId: 'usage', startedAt: '2026-06-01T00:00:00Z' }))
    await h.runs.save(
      'globex',
      inFlightRunFixture({ id: 'g_running', queryId: 'usage', queuedAt: '2026-06-02T00:00:00Z' }),
    )
    await h.runs.save(
      'globex',
      inFlightRunFixture({
        id: 'g_queued',
        queryId: 'usage',
        queuedAt: '2026-06-02T01:00:00Z',
        status: 'queued',
        startedAt: null,
      }),
    )
    const expected = ['g_queued', 'g_running', 'g_done_new', 'g_done_old']
    expect(ids((await api.listRuns()).runs)).toEqual(expected)
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await api.listRuns({ limit: 1, ...(cursor ? { cursor } : {}) })
      seen.push(...ids(page.runs))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(expected)
    expect((await api.getQuery('usage')).lastRun?.id).toBe('g_queued')
  })
})

describe('stalled runs (a worker that died before its final save)', () => {
  const T = '2026-07-01T10:00:00Z'

  it('serves a run in flight as stalled once its last save is older than the limit, and live again after a save', async () => {
    const api = h.client('acme')
    const run = inFlightRunFixture({ id: 'run_hb', queryId: 'usage', queuedAt: T, updatedAt: T })
    await h.runs.save('acme', run)
    clock = later(T, minutes(5))
    expect(await api.getRun('run_hb')).toMatchObject({ status: 'running', stalled: false })
    clock = later(T, minutes(5) + 1)
    expect(await api.getRun('run_hb')).toMatchObject({ status: 'running', stalled: true, updatedAt: T })
    expect((await api.listRuns({ queryId: 'usage' })).runs.find((r) => r.id === 'run_hb')).toMatchObject({
      stalled: true,
    })
    // Nothing was written: the store still holds the run as the worker saved it.
    expect(await h.runs.get('acme', 'run_hb')).toEqual(run)
    // The worker was only slow: its next heartbeat makes the run live again.
    await h.runs.save('acme', { ...run, updatedAt: later(T, minutes(6)).toISOString() })
    expect(await api.getRun('run_hb')).toMatchObject({ stalled: false })
    // Its final save ends it; a finished run is never flagged.
    clock = later(T, minutes(60))
    const done = runFixture({ id: 'run_hb', queryId: 'usage', startedAt: T, status: 'succeeded' })
    await h.runs.save('acme', done)
    expect(await api.getRun('run_hb')).toEqual(done)
  })

  it('judges a run saved before heartbeats (no updatedAt) by when it started, or was queued', async () => {
    const api = h.client('acme')
    const running = inFlightRunFixture({
      id: 'run_old',
      queryId: 'usage',
      queuedAt: T,
      startedAt: later(T, minutes(1)).toISOString(),
    })
    const queued = inFlightRunFixture({
      id: 'run_oldq',
      queryId: 'usage',
      queuedAt: T,
      status: 'queued',
      startedAt: null,
    })
    await h.runs.save('acme', running)
    await h.runs.save('acme', queued)
    clock = later(T, minutes(5) + 1)
    expect(await api.getRun('run_old')).toMatchObject({ stalled: false })
    expect(await api.getRun('run_oldq')).toMatchObject({ stalled: true })
    clock = later(T, minutes(6) + 1)
    expect(await api.getRun('run_old')).toMatchObject({ stalled: true })
    // The stored JSON keeps its shape: no updatedAt was invented.
    expect(await h.runs.get('acme', 'run_old')).toEqual(running)
  })

  it('takes the limit from limits.runStalledAfterMs', async () => {
    const h2 = await startHarness({
      emulator: h.emulator,
      limits: { runStalledAfterMs: minutes(30) },
      now: () => clock,
    })
    await h2.runs.save('acme', inFlightRunFixture({ id: 'run_slow', queryId: 'usage', queuedAt: T, updatedAt: T }))
    clock = later(T, minutes(29))
    expect(await h2.client('acme').getRun('run_slow')).toMatchObject({ stalled: false })
    clock = later(T, minutes(31))
    expect(await h2.client('acme').getRun('run_slow')).toMatchObject({ stalled: true })
    await h2.close()
  })

  it('judges a run by its latest save: a worker that started it but kept the queued updatedAt is not stalled early', async () => {
    // The scheduler stamps the queued run's updatedAt; a worker without heartbeats saves it running with startedAt
    // and leaves that updatedAt as it was. It was last saved when it started, four minutes later.
    const run = inFlightRunFixture({
      id: 'run_kept_hb',
      queryId: 'usage',
      queuedAt: T,
      updatedAt: T,
      startedAt: later(T, minutes(4)).toISOString(),
    })
    await h.runs.save('acme', run)
    clock = later(T, minutes(6))
    expect(await h.client('acme').getRun('run_kept_hb')).toMatchObject({ stalled: false })
    clock = later(T, minutes(9) + 1)
    expect(await h.client('acme').getRun('run_kept_hb')).toMatchObject({ stalled: true })
  })

  it('gives a query the live run as its last run when it started after a stalled run was queued', async () => {
    const api = h.client('globex')
    await api.saveQuery(productUsageQuery({ id: 'live_after', name: 'Live after' }))
    const at = (hour: number) => `2026-09-01T${String(hour).padStart(2, '0')}:00:00Z`
    clock = new Date(at(5))
    // Queued first, waited in the queue while a later run was queued, started and died; then it started itself.
    await h.runs.save(
      'globex',
      inFlightRunFixture({
        id: 'la_waited',
        queryId: 'live_after',
        queuedAt: at(1),
        startedAt: at(3),
        updatedAt: at(5),
      }),
    )
    await h.runs.save(
      'globex',
      inFlightRunFixture({ id: 'la_died', queryId: 'live_after', queuedAt: at(2), updatedAt: at(2) }),
    )
    expect(
      (await api.listRuns({ queryId: 'live_after' })).runs.map((r) => [r.id, r.status === 'running' && r.stalled]),
    ).toEqual([
      ['la_died', true],
      ['la_waited', false],
    ])
    expect((await api.getQuery('live_after')).lastRun).toMatchObject({ id: 'la_waited', stalled: false })
  })

  it('gives a query the stalled run as its last run only when no run has begun since', async () => {
    const api = h.client('globex')
    await api.saveQuery(productUsageQuery({ id: 'lost_last', name: 'Lost last' }))
    await api.saveQuery(productUsageQuery({ id: 'lost_long_ago', name: 'Lost long ago' }))
    await api.saveQuery(productUsageQuery({ id: 'only_lost', name: 'Only lost' }))
    const day = (d: number, hour = 0) => `2026-08-0${d}T${String(hour).padStart(2, '0')}:00:00Z`
    clock = new Date(day(9))

    // The newest run stalled: the query's last run is that one, flagged, not the success before it.
    await h.runs.save(
      'globex',
      runFixture({ id: 'll_ok', queryId: 'lost_last', startedAt: day(1), status: 'succeeded' }),
    )
    await h.runs.save(
      'globex',
      inFlightRunFixture({ id: 'll_lost', queryId: 'lost_last', queuedAt: day(2), updatedAt: day(2) }),
    )
    expect((await api.getQuery('lost_last')).lastRun).toMatchObject({ id: 'll_lost', status: 'running', stalled: true })

    // Runs lost long ago (two, across store pages) list first for ever, but a run has finished since: that is the last run.
    for (const [id, queuedAt] of [
      ['la_lost1', day(1)],
      ['la_lost2', day(2)],
    ] as const)
      await h.runs.save('globex', inFlightRunFixture({ id, queryId: 'lost_long_ago', queuedAt, updatedAt: queuedAt }))
    await h.runs.save(
      'globex',
      runFixture({ id: 'la_ok', queryId: 'lost_long_ago', startedAt: day(3), status: 'succeeded' }),
    )
    await h.runs.save('globex', runFixture({ id: 'la_older', queryId: 'lost_long_ago', startedAt: day(1, 1) }))
    expect((await api.listRuns({ queryId: 'lost_long_ago' })).runs.map((r) => r.id)).toEqual([
      'la_lost2',
      'la_lost1',
      'la_ok',
      'la_older',
    ])
    expect((await api.getQuery('lost_long_ago')).lastRun?.id).toBe('la_ok')
    // A live run queued since is the last run too.
    await h.runs.save(
      'globex',
      inFlightRunFixture({ id: 'la_live', queryId: 'lost_long_ago', queuedAt: day(8), updatedAt: day(8, 23) }),
    )
    clock = new Date(day(8, 23))
    expect((await api.getQuery('lost_long_ago')).lastRun).toMatchObject({ id: 'la_live', stalled: false })

    // Nothing but a stalled run: it is the last run.
    await h.runs.save(
      'globex',
      inFlightRunFixture({ id: 'ol_lost', queryId: 'only_lost', queuedAt: day(1), updatedAt: day(1) }),
    )
    const queries = await api.listQueries()
    expect(queries.find((q) => q.definition.id === 'only_lost')?.lastRun).toMatchObject({
      id: 'ol_lost',
      stalled: true,
    })
    expect(queries.find((q) => q.definition.id === 'lost_last')?.lastRun?.id).toBe('ll_lost')
  })
})
