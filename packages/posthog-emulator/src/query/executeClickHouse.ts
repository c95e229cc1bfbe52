import type { Session } from 'chdb'
import { mapClickHouseError } from './mapClickHouseError'

/** Column metadata and rows as chdb returns them in JSONCompact (64-bit integers as strings). */
export interface ClickHouseResult {
  meta: { name: string; type: string }[]
  data: unknown[][]
}

/** Settings on every user query: read-only and time-bounded like PostHog's, plus output formats the serializer expects. */
export function querySettings(maxExecutionTime: number): string {
  return [
    'readonly=2',
    `max_execution_time=${maxExecutionTime}`,
    "session_timezone='UTC'",
    'output_format_json_quote_64bit_integers=1',
    'output_format_json_named_tuples_as_objects=0',
    'output_format_json_quote_decimals=0',
    "date_time_output_format='iso'",
  ].join(', ')
}

/**
 * Runs SQL on the shared chdb session and parses the result.
 * @throws {ApiError} PostHog's error for the ClickHouse failure (400 for user errors, 504 on timeout, ...).
 */
export async function executeClickHouse(
  session: Session,
  sql: string,
  maxExecutionTime: number,
): Promise<ClickHouseResult> {
  let text: string
  try {
    const result = await session.queryAsync(`${sql} SETTINGS ${querySettings(maxExecutionTime)}`, {
      format: 'JSONCompact',
    })
    text = result.text()
  } catch (error) {
    // Messages quote the SQL; show it with the bare table names PostHog users see.
    const message = (error instanceof Error ? error.message : String(error)).replaceAll(
      /`?posthog_s\d+_n\d+_\d+_v\d+`?\./g,
      '',
    )
    throw mapClickHouseError(new Error(message))
  }
  if (text.trim() === '') return { meta: [], data: [] }
  // chdb keeps what a query that failed mid-run had written (e.g. `no_common_type`, `throwIf`) and prepends it to the
  // next result, which then answered 500. Each JSONCompact document starts with this line break + tab, which cannot
  // occur inside a JSON string, so the last one is this query's own result.
  const own = text.lastIndexOf('{\n\t"meta":')
  const parsed = JSON.parse(own > 0 ? text.slice(own) : text) as ClickHouseResult
  return { meta: parsed.meta, data: parsed.data }
}
