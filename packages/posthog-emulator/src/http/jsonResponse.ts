import { stringifyJson } from '../query/RawJson'
import type { ApiError } from './ApiError'

/** A JSON response; {@link RawJson} values inside are written verbatim. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : stringifyJson(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

/** PostHog's error response for an {@link ApiError} (no Retry-After on 429, as PostHog). */
export function errorResponse(error: ApiError): Response {
  return jsonResponse(error.status, error.body(), { ...error.headers })
}
