import { classifyHttpError } from '../errors/classifyHttpError'
import { PostHogClientError } from '../errors/PostHogClientError'
import { asyncResponseSchema, type QueryStatusBody } from '../schemas/queryResponseSchema'
import { schemaError } from '../schemas/schemaError'
import { isFailure, type TransportData } from '../transport/Transport'
import { getMetadata } from './getMetadata'
import type { HogQLQueryResult, QueryOptions } from './QueryTypes'
import type { ResourceContext } from './ResourceContext'
import { toQueryResult } from './toQueryResult'

type Outcome = { result: HogQLQueryResult } | { error: PostHogClientError }

// Poll schedule of async queries: quick first checks for short queries, then at most every 5 s.
const FIRST_POLL_MS = 250
const POLL_GROWTH = 1.5
const MAX_POLL_MS = 5000
// PostHog drops async status records 10 minutes after completion (STATUS_TTL_SECONDS); a late poll gets 404 and the
// frontend re-asks. The result is usually still cached, so a re-submit is cheap. Bounded to avoid loops.
const MAX_RESUBMITS = 2

function requestBody(hogql: string, options: QueryOptions, refresh: string, clientQueryId: string | undefined) {
  const query: Record<string, unknown> = { kind: 'HogQLQuery', query: hogql }
  if (options.values && Object.keys(options.values).length > 0) query.values = options.values
  const body: Record<string, unknown> = { query, refresh }
  if (options.name) body.name = options.name.slice(0, 128)
  if (clientQueryId) body.client_query_id = clientQueryId
  return body
}

async function withPositions(
  context: ResourceContext,
  error: PostHogClientError,
  hogql: string,
  options: QueryOptions,
) {
  if (!options.explainErrors || (error.code !== 'hogql_syntax' && error.code !== 'hogql_resolution')) return error
  const metadata = await getMetadata(context, hogql, { signal: options.signal, timeoutMs: options.timeoutMs })
  if ('error' in metadata) return error
  const first = metadata.data.errors.find((e) => e.start !== null) ?? metadata.data.errors[0]
  if (!first) return error
  return error.with({ start: first.start ?? undefined, end: first.end ?? undefined, fix: first.fix ?? undefined })
}

/** Runs one HogQL query, in sync or async mode; errors come back as values. */
export async function runQuery(context: ResourceContext, hogql: string, options: QueryOptions = {}): Promise<Outcome> {
  const started = context.clock.now()
  const outcome =
    options.mode === 'async'
      ? await runAsync(context, hogql, options, started)
      : await runSync(context, hogql, options, started)
  if ('error' in outcome) return { error: await withPositions(context, outcome.error, hogql, options) }
  return outcome
}

async function runSync(
  context: ResourceContext,
  hogql: string,
  options: QueryOptions,
  started: number,
): Promise<Outcome> {
  const answer = await context.transport({
    method: 'POST',
    path: `${context.projectPath}/query/`,
    body: requestBody(hogql, options, options.refresh ?? 'blocking', options.clientQueryId),
    purpose: 'query',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    hogql,
  })
  if (isFailure(answer)) return answer
  if (answer.status === 202) {
    // A 'blocking' request can still come back pending when PostHog queued it; follow it like an async query.
    const status = asyncResponseSchema.safeParse(answer.data)
    if (!status.success) return { error: schemaError('async query status', status.error, hogql) }
    return poll(context, hogql, options, started, status.data.query_status.id, 0)
  }
  return toQueryResult(answer.data, {
    text: answer.text,
    root: answer.data,
    extract: (root) => root,
    wideIntegers: context.wideIntegers,
    query: hogql,
    queryId: null,
    elapsedMs: context.clock.now() - started,
  })
}

async function submitAsync(context: ResourceContext, hogql: string, options: QueryOptions, id: string) {
  return context.transport({
    method: 'POST',
    path: `${context.projectPath}/query/`,
    body: requestBody(hogql, options, options.refresh === 'force_async' ? 'force_async' : 'async', id),
    purpose: 'query',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    hogql,
  })
}

async function runAsync(
  context: ResourceContext,
  hogql: string,
  options: QueryOptions,
  started: number,
): Promise<Outcome> {
  const id = options.clientQueryId ?? context.newId()
  const answer = await submitAsync(context, hogql, options, id)
  if (isFailure(answer)) return answer
  return afterSubmit(context, hogql, options, started, answer, id, 0)
}

function afterSubmit(
  context: ResourceContext,
  hogql: string,
  options: QueryOptions,
  started: number,
  answer: TransportData,
  id: string,
  resubmits: number,
): Promise<Outcome> | Outcome {
  const status = asyncResponseSchema.safeParse(answer.data)
  if (!status.success) {
    // A fresh cached result comes back directly, without query_status.
    return toQueryResult(answer.data, {
      text: answer.text,
      root: answer.data,
      extract: (root) => root,
      wideIntegers: context.wideIntegers,
      query: hogql,
      queryId: id,
      elapsedMs: context.clock.now() - started,
    })
  }
  const done = settled(context, hogql, status.data.query_status, answer, started)
  if (done) return done
  return poll(context, hogql, options, started, status.data.query_status.id || id, resubmits)
}

function settled(
  context: ResourceContext,
  hogql: string,
  status: QueryStatusBody,
  answer: TransportData,
  started: number,
): Outcome | undefined {
  if (status.error) {
    if (status.error_message) {
      // A user error of an async run: 400 with the message only, classified like a sync 400.
      return {
        error: classifyHttpError({
          status: 400,
          body: { detail: status.error_message },
          retryAfter: null,
          purpose: 'query',
          nowMs: context.clock.now(),
          hogql,
        }),
      }
    }
    return {
      error: new PostHogClientError(
        'server',
        'PostHog reported that the async query failed without a message. Try again later.',
        {
          status: answer.status,
          hogql,
        },
      ),
    }
  }
  if (!status.complete) return undefined
  return toQueryResult(status.results, {
    text: answer.text,
    root: answer.data,
    extract: (root) => asyncResponseSchema.safeParse(root).data?.query_status.results ?? root,
    wideIntegers: context.wideIntegers,
    query: hogql,
    queryId: status.id,
    elapsedMs: context.clock.now() - started,
  })
}

async function cancel(context: ResourceContext, id: string): Promise<void> {
  // Best effort: PostHog revokes the task and kills the ClickHouse query. One attempt, no caller signal (it is aborted).
  await context.transport({
    method: 'DELETE',
    path: `${context.projectPath}/query/${encodeURIComponent(id)}/`,
    purpose: 'cancel',
    retry: false,
    timeoutMs: 10_000,
  })
}

async function poll(
  context: ResourceContext,
  hogql: string,
  options: QueryOptions,
  started: number,
  id: string,
  resubmits: number,
): Promise<Outcome> {
  const deadline = started + (options.asyncTimeoutMs ?? 660_000)
  let delay = FIRST_POLL_MS
  for (;;) {
    const remaining = deadline - context.clock.now()
    if (remaining <= 0) {
      await cancel(context, id)
      return {
        error: new PostHogClientError(
          'timeout',
          `The async query did not finish within ${options.asyncTimeoutMs ?? 660_000} ms; it was cancelled. Narrow the query or raise asyncTimeoutMs.`,
          {
            timeoutSource: 'client',
            hogql,
          },
        ),
      }
    }
    try {
      await context.clock.sleep(Math.min(delay, remaining), options.signal)
    } catch {
      await cancel(context, id)
      return { error: new PostHogClientError('aborted', 'The request was aborted by the caller.', { hogql }) }
    }
    delay = Math.min(MAX_POLL_MS, delay * POLL_GROWTH)
    const answer = await context.transport({
      method: 'GET',
      path: `${context.projectPath}/query/${encodeURIComponent(id)}/`,
      purpose: 'poll',
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      hogql,
      isData: (status, body) => (status === 400 || status === 500) && asyncResponseSchema.safeParse(body).success,
    })
    if (isFailure(answer)) {
      if (answer.error.code === 'aborted') {
        await cancel(context, id)
        return answer
      }
      if (answer.error.status === 404 && resubmits < MAX_RESUBMITS) {
        const again = `${id.replace(/-r\d+$/, '')}-r${resubmits + 1}`
        const submitted = await submitAsync(context, hogql, options, again)
        if (isFailure(submitted)) return submitted
        return afterSubmit(context, hogql, options, started, submitted, again, resubmits + 1)
      }
      // The query may still run at PostHog, holding one of the organisation's 3 concurrent query slots.
      if (answer.error.status !== 404) await cancel(context, id)
      return answer
    }
    const status = asyncResponseSchema.safeParse(answer.data)
    if (!status.success) return { error: schemaError('async query status', status.error, hogql) }
    const done = settled(context, hogql, status.data.query_status, answer, started)
    if (done) return done
  }
}
