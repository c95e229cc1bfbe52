import { ApiError, ApiErrorCode, type ApiRejectedRow, type ApiRun } from '../../api/index'
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

// Newest first, ties broken by id, so pages stay stable while new runs arrive (keyset paging, not offsets).
const newerFirst = (a: ApiRun, b: ApiRun) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id)

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

/** A {@link RunStore} in memory with keyset cursors; for tests, examples and single-process demos. */
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
      let after: { startedAt: string; id: string } | undefined
      if (cursor !== undefined) {
        const decoded = decode(cursor)
        if (!Array.isArray(decoded) || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'string')
          throw badCursor()
        after = { startedAt: decoded[0], id: decoded[1] }
      }
      const sorted = [...tenant(tenantId).values()]
        .map((entry) => entry.run)
        .filter((run) => queryId === undefined || run.queryId === queryId)
        .sort(newerFirst)
        .filter((run) => !after || newerFirst(after as ApiRun, run) < 0)
      const page = sorted.slice(0, limit)
      const last = page.at(-1)
      return {
        runs: structuredClone(page),
        nextCursor: sorted.length > limit && last ? encode([last.startedAt, last.id]) : null,
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
      runs.set(run.id, { run: structuredClone(run), rejects: existing?.rejects ?? [] })
    },
    async addRejects(tenantId, runId, rejects) {
      const entry = tenant(tenantId).get(runId)
      if (!entry) throw new Error(`Run ${runId} is not saved for tenant ${tenantId}; save() it before adding rejects.`)
      entry.rejects.push(...structuredClone([...rejects]))
    },
  }
}
