import { describe, expect, it } from 'vitest'
import {
  type ApiInFlightRun,
  type ApiRun,
  apiRunSchema,
  getRunResponseSchema,
  isRunInFlight,
  isRunStalled,
  listRunsResponseSchema,
  runLastSavedAt,
} from '../index'

// A finished run as SDK versions before in-flight runs stored it (and before `posthog.pages` existed): stores hold
// such JSON, and it must keep parsing as a finished run.
const storedBeforeInFlight = JSON.parse(`{
  "id": "run_7f3a", "trigger": "schedule", "queryId": "usage-daily", "queryName": "Daily product usage",
  "type": "product_usage", "status": "partial", "skipReason": null, "dryRun": false,
  "startedAt": "2026-10-02T05:00:00.000Z", "finishedAt": "2026-10-02T05:00:04.000Z", "durationMs": 4000,
  "window": { "start": "2026-10-01T00:00:00.000Z", "end": "2026-10-02T00:00:00.000Z" },
  "counts": { "read": 12, "written": 11, "rejected": 1, "unmatched": 1, "ambiguous": 0,
    "byReason": { "unmatched_account": 1 } },
  "reasons": [], "posthog": { "hogql": ["SELECT 1", "SELECT 1"], "requests": 2, "elapsedMs": 90, "timings": [] },
  "error": null
}`)

const running = {
  id: 'run_8b1c',
  trigger: 'manual',
  queryId: 'usage-daily',
  queryName: 'Daily product usage',
  type: 'product_usage',
  status: 'running',
  dryRun: false,
  queuedAt: '2026-11-27T10:00:00Z',
  startedAt: '2026-11-27T10:00:01Z',
  progress: { rowsRead: 5000, written: 4990, rejected: 10 },
}

describe('apiRunSchema', () => {
  it('still parses a finished run stored before runs had in-flight states, as a finished run', () => {
    const run = apiRunSchema.parse(storedBeforeInFlight)
    expect(run).toEqual(storedBeforeInFlight)
    expect(isRunInFlight(run)).toBe(false)
    expect(getRunResponseSchema.parse({ run: storedBeforeInFlight }).run.status).toBe('partial')
  })

  it('parses queued and running runs with their progress, and lists them beside finished ones', () => {
    const queued = { ...running, status: 'queued', startedAt: null, progress: { rowsRead: 0, written: 0, rejected: 0 } }
    const page = listRunsResponseSchema.parse({ runs: [running, queued, storedBeforeInFlight], nextCursor: null })
    expect(page.runs.map((run) => [run.status, isRunInFlight(run)])).toEqual([
      ['running', true],
      ['queued', true],
      ['partial', false],
    ])
    const first = page.runs[0] as ApiRun
    expect(isRunInFlight(first) && first.progress.written).toBe(4990)
  })

  it('says which field is wrong in a run that is in flight without its progress', () => {
    const { progress: _, ...noProgress } = running
    const result = apiRunSchema.safeParse(noProgress)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['progress'])
  })

  it('refuses a status outside the lifecycle, naming the status field', () => {
    const result = apiRunSchema.safeParse({ ...running, status: 'paused' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['status'])
  })

  it('refuses a finished status without the report (no counts): a final save must carry the whole report', () => {
    const result = apiRunSchema.safeParse({ ...running, status: 'succeeded' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain('counts')
  })

  it('parses a run in flight saved before heartbeats (no updatedAt, no stalled) unchanged, as live', () => {
    const run = apiRunSchema.parse(running)
    expect(run).toEqual(running)
    expect(isRunInFlight(run) && run.updatedAt).toBeUndefined()
    expect(isRunStalled(run)).toBe(false)
  })

  it('parses the heartbeat and the stalled flag, and refuses an updatedAt that is not a date-time', () => {
    const run = apiRunSchema.parse({ ...running, updatedAt: '2026-11-27T10:05:00Z', stalled: true })
    expect(isRunStalled(run)).toBe(true)
    expect(isRunStalled({ ...run, stalled: false } as ApiRun)).toBe(false)
    const bad = apiRunSchema.safeParse({ ...running, updatedAt: 'five minutes ago' })
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['updatedAt'])
  })

  it('never calls a finished run stalled, whatever it carries', () => {
    const finished = apiRunSchema.parse(storedBeforeInFlight)
    expect(isRunStalled({ ...finished, stalled: true } as unknown as ApiRun)).toBe(false)
  })

  it('takes the last save as the latest of updatedAt, startedAt and queuedAt (updatedAt alone when set and newest)', () => {
    const base = apiRunSchema.parse(running) as ApiInFlightRun
    expect(runLastSavedAt({ ...base, updatedAt: '2026-11-27T10:04:00Z' })).toBe('2026-11-27T10:04:00Z')
    expect(runLastSavedAt(base)).toBe('2026-11-27T10:00:01Z')
    expect(runLastSavedAt({ ...base, status: 'queued', startedAt: null })).toBe('2026-11-27T10:00:00Z')
    // An updatedAt left from an earlier save (a worker that kept the queued one) is not the last save.
    expect(runLastSavedAt({ ...base, updatedAt: '2026-11-27T10:00:00Z' })).toBe('2026-11-27T10:00:01Z')
    expect(runLastSavedAt({ ...base, updatedAt: '2026-11-27T11:00:00.5+01:00' })).toBe('2026-11-27T10:00:01Z')
  })
})
