import { describe, expect, it } from 'vitest'
import { caught, clientOf, useEmulator } from './emulatorFixture'

const emulator = useEmulator()

const WINDOWED =
  'select uuid, timestamp from events where timestamp >= {period_start} and timestamp < {period_end} order by timestamp, uuid'

async function range(): Promise<{ start: Date; end: Date; total: number }> {
  const client = clientOf(emulator())
  const result = await client.query<[string, string, number]>(
    'select min(timestamp), max(timestamp), count() from events',
  )
  const [min, max, total] = result.results[0]!
  return { start: new Date(Date.parse(min) - 1000), end: new Date(Date.parse(max) + 1000), total }
}

describe('reading everything without OFFSET', () => {
  it('reads every row once by splitting full windows, never sending OFFSET', async () => {
    const { start, end, total } = await range()
    const sent: string[] = []
    const recording: typeof fetch = (input, init) => {
      sent.push(String(init?.body ?? ''))
      return fetch(input, init)
    }
    const client = clientOf(emulator(), { fetch: recording })
    const pages: number[] = []
    const all = await client.queryAll<[string, string]>(WINDOWED, {
      window: { start, end },
      pageSize: 20_000,
      onPage: (page) => {
        pages.push(page.results.length)
      },
    })
    expect(all.results).toHaveLength(total)
    expect(new Set(all.results.map((r) => r[0])).size).toBe(total)
    expect(all.splits).toBeGreaterThan(0)
    expect(Math.max(...pages)).toBeLessThanOrEqual(20_000)
    expect(all.columns).toEqual(['uuid', 'timestamp'])
    const times = all.results.map((r) => Date.parse(r[1]))
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true)
    expect(sent.every((body) => !/offset/i.test(body))).toBe(true)
    expect(sent[0]).toContain('LIMIT 20001')
  })

  it('streams pages through the async iterator', async () => {
    const { start, end } = await range()
    const client = clientOf(emulator())
    let rows = 0
    let pages = 0
    for await (const page of client.pages(WINDOWED, { window: { start, end }, pageSize: 30_000 })) {
      rows += page.results.length
      pages++
      expect(page.window).not.toBeNull()
    }
    expect(pages).toBeGreaterThan(1)
    expect(rows).toBeGreaterThan(30_000)
  })

  it('fails with truncated_result, saying how to fix it, when a query without window placeholders is too big', async () => {
    const error = await caught(clientOf(emulator()).queryAll('select uuid from events', { pageSize: 1000 }))
    expect(error).toMatchObject({ code: 'truncated_result', truncationReason: 'no_window_placeholders' })
    expect((error as Error).message).toContain('{period_start}')
  })

  it('gets past the implicit LIMIT 100 for a small query without a LIMIT', async () => {
    const all = await clientOf(emulator()).queryAll<[string]>('select distinct event from events')
    const count = await clientOf(emulator()).query<[number]>('select count(distinct event) from events')
    expect(all.results).toHaveLength(count.results[0]![0])
  })

  it('fails with window_too_dense when the minimum window is still full', async () => {
    const { start, end } = await range()
    const error = await caught(
      clientOf(emulator()).queryAll(WINDOWED, { window: { start, end }, pageSize: 5, minWindowMs: 3_600_000 }),
    )
    expect(error).toMatchObject({ code: 'truncated_result', truncationReason: 'window_too_dense' })
  })
})
