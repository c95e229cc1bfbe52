import type { Emulator } from '../emulator/startEmulator'

/** A HogQL query's answer through the emulator's handler: rows and column names, or PostHog's error body. */
export type HogQLAnswer =
  | { ok: true; results: unknown[][]; columns: string[]; clickhouse: string }
  | { ok: false; status: number; code: string; detail: string }

/** Runs HogQL on `emulator` with its full-access key (test helper; no network). */
export async function runHogQL(
  emulator: Emulator,
  query: string,
  values?: Record<string, unknown>,
): Promise<HogQLAnswer> {
  const response = await emulator.handler(
    new Request(`${emulator.url}/api/projects/${emulator.projectId}/query/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.keys.full}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: { kind: 'HogQLQuery', query, ...(values ? { values } : {}) } }),
    }),
  )
  const body = (await response.json()) as Record<string, unknown>
  if (response.status !== 200) {
    return { ok: false, status: response.status, code: String(body.code), detail: String(body.detail) }
  }
  return {
    ok: true,
    results: body.results as unknown[][],
    columns: body.columns as string[],
    clickhouse: String(body.clickhouse),
  }
}

/** The rows of a query that must succeed; a failure throws with PostHog's error text. */
export async function rowsOf(
  emulator: Emulator,
  query: string,
  values?: Record<string, unknown>,
): Promise<unknown[][]> {
  const answer = await runHogQL(emulator, query, values)
  if (!answer.ok) throw new Error(`${query}\n→ ${answer.status} ${answer.code}: ${answer.detail}`)
  return answer.results
}
