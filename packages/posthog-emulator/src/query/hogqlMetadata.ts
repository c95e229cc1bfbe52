import type { Project } from '../emulator/projects'
import { selectQuery } from '../hogql/ast'
import { validateHogQL } from '../hogql/compileHogQL'
import { isHogQLError } from '../hogql/HogQLError'
import { parseHogQLExpr } from '../hogql/parseHogQL'
import { sourceOffsets } from '../hogql/parser/sourceOffsets'
import { printClickHouse } from '../hogql/printClickHouse'

/** A notice as PostHog sends it: 0-based `start`/`end` offsets into the query (end exclusive). */
export interface HogQLNotice {
  message: string
  start?: number
  end?: number
  fix: string | null
}

/**
 * HogQLMetadata: parses and resolves without running. Always HTTP 200; problems go to `errors` with positions.
 * `hogQLExpr` is resolved as a column of `SELECT <expr> FROM events`, like PostHog's default `sourceQuery`.
 * SRC: PostHog/posthog `posthog/hogql/metadata.py`.
 */
export function hogqlMetadata(
  project: Project,
  input: { query: string; language: 'hogQL' | 'hogQLExpr'; values?: Record<string, unknown> },
): { query: string; isValid: boolean; errors: HogQLNotice[]; warnings: HogQLNotice[]; notices: HogQLNotice[] } {
  const errors: HogQLNotice[] = []
  try {
    if (input.language === 'hogQL') {
      validateHogQL({
        query: input.query,
        values: input.values ?? {},
        teamId: project.id,
        timezone: project.timezone,
        database: '',
      })
    } else {
      const expr = parseHogQLExpr(input.query)
      // An expression is checked as the only column of `SELECT … FROM events`, as PostHog's default sourceQuery.
      const select = selectQuery({
        columns: [expr],
        from: [
          {
            source: { kind: 'table', chain: ['events'], start: 0, end: 0 },
            alias: null,
            joinType: null,
            constraint: null,
            sample: null,
            start: 0,
            end: 0,
          },
        ],
        start: 0,
        end: input.query.length,
      })
      printClickHouse(select, { teamId: project.id, timezone: project.timezone, database: null })
    }
  } catch (error) {
    if (isHogQLError(error)) {
      // PostHog's rewording and its code-point offsets (Python string indices). SRC: `posthog/hogql/metadata.py`.
      const message = error.message.includes("mismatched input '<EOF>' expecting")
        ? 'Unexpected end of query'
        : error.message
      const offsets = sourceOffsets(input.query)
      errors.push(
        error.start === null
          ? { message, fix: null }
          : {
              message,
              start: offsets.toCodePoints(error.start),
              end: offsets.toCodePoints(error.end ?? error.start),
              fix: null,
            },
      )
    } else {
      errors.push({ message: `Unexpected ${error instanceof Error ? error.constructor.name : 'error'}`, fix: null })
    }
  }
  return { query: input.query, isValid: errors.length === 0, errors, warnings: [], notices: [] }
}
