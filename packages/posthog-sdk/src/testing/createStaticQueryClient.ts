import type { SyncQueryClient, SyncQueryOptions, SyncQueryPage } from '../sync/SyncPorts'

/** A canned query result: columns, one ClickHouse type per column, rows (served in pages of `pageSize`). */
export interface StaticResult {
  columns: string[]
  types?: string[]
  rows: unknown[][]
  /** Rows per page. @default all rows in one page */
  pageSize?: number
  /** Throw this after yielding this many pages (a read failing midway). */
  failAfterPages?: { pages: number; error: Error }
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
 * error to throw), in pages. Unknown HogQL throws. For end-to-end tests use the real client against
 * `@statisfy/posthog-emulator`.
 * @example createStaticQueryClient({ 'select 1': { columns: ['x'], types: ['UInt8'], rows: [[1]] } })
 */
export function createStaticQueryClient(answers: Record<string, StaticResult | Error>): StaticQueryClient {
  const calls: RecordedQuery[] = []
  return {
    calls,
    async *pages(hogql, options): AsyncGenerator<SyncQueryPage> {
      calls.push({ hogql, options })
      const answer = answers[hogql]
      if (answer === undefined) throw new Error(`No canned answer for HogQL: ${hogql}`)
      if (answer instanceof Error) throw answer
      const types = answer.types ?? answer.columns.map(() => '')
      const size = Math.max(1, answer.pageSize ?? answer.rows.length)
      let index = 0
      for (let from = 0; from === 0 || from < answer.rows.length; from += size) {
        if (answer.failAfterPages && index === answer.failAfterPages.pages) throw answer.failAfterPages.error
        options.signal?.throwIfAborted()
        index++
        yield {
          columns: answer.columns,
          types,
          results: answer.rows.slice(from, from + size),
          query: hogql,
          timings: [{ k: './clickhouse_execute', t: 0.01 }],
          splits: 0,
        }
      }
    },
  }
}
