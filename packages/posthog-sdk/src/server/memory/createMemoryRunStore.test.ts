import { describe, expect, it } from 'vitest'
import { inFlightRunFixture, runFixture } from '../../../test/server/fixtures'
import { createMemoryRunStore } from './createMemoryRunStore'

describe('createMemoryRunStore', () => {
  it('orders runs by the instant of their timestamps, whatever ISO-8601 form a worker wrote them in', async () => {
    const store = createMemoryRunStore()
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
    for (const [id, queuedAt] of inFlight) await store.save('acme', inFlightRunFixture({ id, queryId: 'q', queuedAt }))
    for (const [id, startedAt] of finished) await store.save('acme', runFixture({ id, queryId: 'q', startedAt }))

    const expected = ['q_millis', 'q_plain', 'q_offset', 'f_offset', 'f_plain']
    expect((await store.list('acme', { limit: 10 })).runs.map((run) => run.id)).toEqual(expected)
    const paged: string[] = []
    let cursor: string | undefined
    do {
      const page = await store.list('acme', { limit: 2, ...(cursor ? { cursor } : {}) })
      paged.push(...page.runs.map((run) => run.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(paged).toEqual(expected)
  })

  it('never moves a run back to an earlier heartbeat: a late in-flight save with an older updatedAt is ignored', async () => {
    const store = createMemoryRunStore()
    const queuedAt = '2026-06-02T00:00:00Z'
    const at = (updatedAt: string, rowsRead: number) =>
      inFlightRunFixture({
        id: 'r',
        queryId: 'q',
        queuedAt,
        updatedAt,
        progress: { rowsRead, written: 0, rejected: 0 },
      })
    await store.save('acme', at('2026-06-02T00:01:00Z', 200))
    await store.save('acme', at('2026-06-02T00:00:30Z', 100))
    expect(await store.get('acme', 'r')).toMatchObject({
      updatedAt: '2026-06-02T00:01:00Z',
      progress: { rowsRead: 200 },
    })
    // A later heartbeat (the same instant written with an offset counts as the same, so it is taken) moves it on.
    await store.save('acme', at('2026-06-02T02:01:00+02:00', 200))
    await store.save('acme', at('2026-06-02T00:02:00Z', 300))
    expect(await store.get('acme', 'r')).toMatchObject({
      updatedAt: '2026-06-02T00:02:00Z',
      progress: { rowsRead: 300 },
    })
    // A save without a heartbeat (a worker from before heartbeats) is still taken, as before.
    const { updatedAt: _, ...noHeartbeat } = at('2026-06-02T00:00:00Z', 400)
    await store.save('acme', noHeartbeat)
    expect(await store.get('acme', 'r')).toMatchObject({ progress: { rowsRead: 400 } })
    // Running over queued is forward whatever the heartbeats say; the final report always lands.
    await store.save('acme', { ...at('2026-06-02T00:09:00Z', 0), status: 'queued', startedAt: null })
    expect((await store.get('acme', 'r'))?.status).toBe('running')
    await store.save('acme', runFixture({ id: 'r', queryId: 'q', startedAt: queuedAt }))
    expect((await store.get('acme', 'r'))?.status).not.toBe('running')
  })
})
