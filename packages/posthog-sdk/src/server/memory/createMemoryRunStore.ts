import { ApiError, ApiErrorCode, type ApiRejectedRow, type ApiRun, isRunInFlight } from '../../api/index'
import type { RunStore } from '../ports/RunStore'

interface Entry {
  run: ApiRun
  rejects: ApiRejectedRow[]
}

const badCursor = () =>
  new ApiError(ApiErrorCode.InvalidRequest, 'The cursor is not one this server issued; start again without it.', {
    status: 400,
    issues: [{ path: 'cursor', message: 'Pass back nextCursor unchanged, or leave it out for the first page.' }],
  })

/** Where a run sorts: in-flight runs before finished ones, then newest first (queued or started), then by id. */
type SortKey = [group: 0 | 1, at: string, id: string]
const sortKey = (run: ApiRun): SortKey => (isRunInFlight(run) ? [0, run.queuedAt, run.id] : [1, run.startedAt, run.id])
// Keyset order, so pages stay stable while new runs arrive (not offsets). Timestamps compare as instants: the API
// accepts offsets and any fraction of a second, whose text does not sort in time order.
const compareKeys = (a: SortKey, b: SortKey) =>
  a[0] - b[0] || Date.parse(b[1]) - Date.parse(a[1]) || b[2].localeCompare(a[2])

// How far along its lifecycle a run is; a save never moves a run back.
const stage = (run: ApiRun) => (run.status === 'queued' ? 0 : run.status === 'running' ? 1 : 2)

// Whether saving `next` over `stored` would move the run back: to an earlier stage, or within the same in-flight
// stage to an earlier heartbeat (a late progress write would show older counts and an older last save).
function movesBack(stored: ApiRun, next: ApiRun): boolean {
  if (stage(next) !== stage(stored)) return stage(next) < stage(stored)
  if (!isRunInFlight(stored) || !isRunInFlight(next) || !stored.updatedAt || !next.updatedAt) return false
  return Date.parse(next.updatedAt) < Date.parse(stored.updatedAt)
}

function encode(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
function decode(cursor: string): unknown {
  try {
    return JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')))
  } catch {
    throw badCursor()
  }
}

/**
 * A {@link RunStore} in memory with keyset cursors, in-flight runs listed first; for tests, examples and
 * single-process demos.
 */
export function createMemoryRunStore(): RunStore {
  const byTenant = new Map<string, Map<string, Entry>>()
  const tenant = (tenantId: string) => {
    let runs = byTenant.get(tenantId)
    if (!runs) {
      runs = new Map()
      byTenant.set(tenantId, runs)
    }
    return runs
  }
  return {
    async list(tenantId, { queryId, cursor, limit }) {
      let after: SortKey | undefined
      if (cursor !== undefined) {
        const decoded = decode(cursor)
        if (
          !Array.isArray(decoded) ||
          (decoded[0] !== 0 && decoded[0] !== 1) ||
          typeof decoded[1] !== 'string' ||
          Number.isNaN(Date.parse(decoded[1])) ||
          typeof decoded[2] !== 'string'
        )
          throw badCursor()
        after = decoded as SortKey
      }
      const sorted = [...tenant(tenantId).values()]
        .map((entry) => entry.run)
        .filter((run) => queryId === undefined || run.queryId === queryId)
        .map((run) => ({ run, key: sortKey(run) }))
        .sort((a, b) => compareKeys(a.key, b.key))
        .filter(({ key }) => !after || compareKeys(after, key) < 0)
      const page = sorted.slice(0, limit)
      const last = page.at(-1)
      return {
        runs: structuredClone(page.map(({ run }) => run)),
        nextCursor: sorted.length > limit && last ? encode(last.key) : null,
      }
    },
    async get(tenantId, runId) {
      const entry = tenant(tenantId).get(runId)
      return entry ? structuredClone(entry.run) : null
    },
    async listRejects(tenantId, runId, { cursor, limit }) {
      const entry = tenant(tenantId).get(runId)
      if (!entry) return null
      const start = cursor === undefined ? 0 : decode(cursor)
      if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) throw badCursor()
      const page = entry.rejects.slice(start, start + limit)
      const next = start + page.length
      return {
        rejects: structuredClone(page),
        nextCursor: next < entry.rejects.length ? encode(next) : null,
        total: entry.rejects.length,
      }
    },
    async save(tenantId, run) {
      const runs = tenant(tenantId)
      const existing = runs.get(run.id)
      if (existing && movesBack(existing.run, run)) return
      runs.set(run.id, { run: structuredClone(run), rejects: existing?.rejects ?? [] })
    },
    async addRejects(tenantId, runId, rejects) {
      const entry = tenant(tenantId).get(runId)
      if (!entry) throw new Error(`Run ${runId} is not saved for tenant ${tenantId}; save() it before adding rejects.`)
      entry.rejects.push(...structuredClone([...rejects]))
    },
  }
}
