import type { PostHogClientError } from '../errors/PostHogClientError'
import { metadataResponseSchema } from '../schemas/metadataResponseSchema'
import { schemaError } from '../schemas/schemaError'
import { isFailure } from '../transport/Transport'
import type { ResourceContext } from './ResourceContext'

/** An error, warning or notice of HogQLMetadata. */
export interface MetadataNotice {
  message: string
  /** 0-based offset into the HogQL where the problem starts, when known. */
  start: number | null
  /** 0-based offset where it ends (exclusive), when known. */
  end: number | null
  /** Replacement text PostHog proposes for [start, end), when it has one. */
  fix: string | null
}

/** The result of {@link PostHogClient.metadata}: is the HogQL valid, and what PostHog says about it. */
export interface HogQLMetadata {
  query: string
  isValid: boolean
  errors: MetadataNotice[]
  warnings: MetadataNotice[]
  notices: MetadataNotice[]
}

/** Options of {@link PostHogClient.metadata}. */
export interface MetadataOptions {
  signal?: AbortSignal
  timeoutMs?: number
}

const toNotices = (
  list:
    | ReadonlyArray<{ message: string; start?: number | null; end?: number | null; fix?: string | null }>
    | null
    | undefined,
): MetadataNotice[] =>
  (list ?? []).map((n) => ({ message: n.message, start: n.start ?? null, end: n.end ?? null, fix: n.fix ?? null }))

/**
 * Validates HogQL without running it (`HogQLMetadata`): PostHog parses and resolves it and answers 200 with
 * errors carrying character offsets. Counts against the rate limit like any query.
 */
export async function getMetadata(
  context: ResourceContext,
  hogql: string,
  options: MetadataOptions = {},
): Promise<{ data: HogQLMetadata } | { error: PostHogClientError }> {
  const answer = await context.transport({
    method: 'POST',
    path: `${context.projectPath}/query/`,
    body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: hogql } },
    purpose: 'query',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    hogql,
  })
  if (isFailure(answer)) return answer
  const parsed = metadataResponseSchema.safeParse(answer.data)
  if (!parsed.success) return { error: schemaError('HogQL metadata', parsed.error, hogql) }
  const errors = toNotices(parsed.data.errors)
  return {
    data: {
      query: parsed.data.query ?? hogql,
      isValid: parsed.data.isValid ?? errors.length === 0,
      errors,
      warnings: toNotices(parsed.data.warnings),
      notices: toNotices(parsed.data.notices),
    },
  }
}
