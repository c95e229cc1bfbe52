import type { RequestPurpose } from '../errors/classifyHttpError'
import type { PostHogClientError } from '../errors/PostHogClientError'

/** One HTTP call of a resource. The transport adds auth, JSON, timeout, rate limiting and retries. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'DELETE'
  /** Path under the API host, starting with `/api/`. */
  path: string
  body?: unknown
  purpose: RequestPurpose
  signal?: AbortSignal
  /** Per-attempt timeout; the client's `timeoutMs` when absent. */
  timeoutMs?: number
  /** False to make exactly one attempt (cancel calls). */
  retry?: boolean
  /** The HogQL concerned, attached to errors. */
  hogql?: string
  /** Non-2xx answers to hand back as data rather than errors (the async status answers 400/500 with a body). */
  isData?: (status: number, body: unknown) => boolean
}

/** A successful call: the parsed JSON (`null` for an empty body), the status, and the raw text. */
export interface TransportData {
  data: unknown
  status: number
  /** The body as received, kept so exact-integer parsing can read it again when needed. */
  text: string
}

/** The internal result union: errors travel as values inside the client and are thrown only at its public edge. */
export type TransportResult = TransportData | { error: PostHogClientError }

/** Sends requests; built once per client by {@link createTransport}. */
export type Transport = (request: TransportRequest) => Promise<TransportResult>

/** Notified before each retry, e.g. for logs. */
export type RetryListener = (event: {
  attempt: number
  delayMs: number
  error: PostHogClientError
  path: string
}) => void

/** True when the result is an error. */
export function isFailure(result: TransportResult): result is { error: PostHogClientError } {
  return 'error' in result
}
