// A run is visible from the moment it is queued: the scheduler saves it `queued`, the worker `running` with progress,
// then the finished report; the handler serves each state through getRun, listRuns and the saved query's lastRun.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiRun } from '../../src/api/index'
import { productUsageQuery } from '../../src/testing/index'
import { inFlightRunFixture, rejectsFixture, runFixture } from './fixtures'
import { type Harness, startHarness } from './harness'

let h: Harness

beforeAll(async () => {
  h = await startHarness({ queueRuns: true })
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
