import type { HogQLQueryResult } from '../resources/QueryTypes'

/** A query result as the client returns it, for the paging planner's tests (no request behind it). @internal */
export function fakeQueryResult(
  query: string,
  fields: Pick<HogQLQueryResult, 'columns' | 'types' | 'results'> & { timezone?: string },
): HogQLQueryResult {
  return {
    ...fields,
    hasMore: false,
    truncation: null,
    query,
    hogql: null,
    clickhouse: null,
    timings: [],
    limit: null,
    isCached: false,
    lastRefresh: null,
    timezone: fields.timezone ?? null,
    queryId: null,
    elapsedMs: 0,
  }
}
