import type { SyncQueryClient, SyncQueryOptions, SyncQueryResult } from '../sync/SyncPorts'

/** A canned query result: columns, one ClickHouse type per column, rows. */
export interface StaticResult {
  columns: string[]
  types?: string[]
  rows: unknown[][]
}

/** One `queryAll` call a {@link StaticQueryClient} received. */
export interface RecordedQuery {
  hogql: string
  options: SyncQueryOptions
}

/** A {@link SyncQueryClient} answering from memory, recording its calls. */
export interface StaticQueryClient extends SyncQueryClient {
  readonly calls: readonly RecordedQuery[]
}

/**
 * A query client for engine tests that need no PostHog: answers each HogQL text from `answers` (a result, or an
 * error to throw), as one page. Unknown HogQL throws. For end-to-end tests use the real client against
 * `@statisfy/posthog-emulator`.
 * @example createStaticQueryClient({ 'select 1': { columns: ['x'], types: ['UInt8'], rows: [[1]] } })
 */
export function createStaticQueryClient(answers: Record<string, StaticResult | Error>): StaticQueryClient {
  const calls: RecordedQuery[] = []
  return {
    calls,
    async queryAll(hogql, options): Promise<SyncQueryResult> {
      calls.push({ hogql, options })
      const answer = answers[hogql]
      if (answer === undefined) throw new Error(`No canned answer for HogQL: ${hogql}`)
      if (answer instanceof Error) throw answer
      const types = answer.types ?? answer.columns.map(() => '')
      options.onPage?.({
        query: hogql,
        timings: [{ k: './clickhouse_execute', t: 0.01 }],
        results: answer.rows,
        splits: 0,
      })
      return { columns: answer.columns, types, results: answer.rows, elapsedMs: 1 }
    },
  }
}
