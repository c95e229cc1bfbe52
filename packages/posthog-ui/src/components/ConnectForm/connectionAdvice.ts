import type { ApiError } from '@statisfy/posthog-sdk'

/** The form field an error is about, or `form` when it concerns the whole connection. */
export type ConnectionField = 'apiHost' | 'projectId' | 'personalApiKey' | 'form'

/** What to tell the person about a failed test or save. */
export type ConnectionAdvice = {
  field: ConnectionField
  /** Short headline; the server's own message (which says what to do) is shown under it. */
  title: ConnectionAdviceTitle
  message: string
  /** Per-field messages for invalid input. */
  fieldErrors: Partial<Record<Exclude<ConnectionField, 'form'>, string>>
}

/** Headline keys, translated through the messages object. */
export type ConnectionAdviceTitle =
  | 'wrongHost'
  | 'ingestionHost'
  | 'wrongProject'
  | 'keyRejected'
  | 'keyLacksScope'
  | 'rateLimited'
  | 'invalidInput'
  | 'failed'

const fields = ['apiHost', 'projectId', 'personalApiKey'] as const

/**
 * Sorts a connection error into the field to fix and a headline. The message itself comes from the server (and from
 * PostHog through it), which already says what to do: "The API key lacks the 'query:read' scope…".
 */
export function connectionAdvice(error: ApiError): ConnectionAdvice {
  const fieldErrors: ConnectionAdvice['fieldErrors'] = {}
  for (const issue of error.issues) {
    const field = fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`))
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message
  }
  const base = { message: error.message, fieldErrors }
  const code = error.code
  if (code === 'invalid_request') {
    const field = fields.find((f) => fieldErrors[f]) ?? 'form'
    const ingestion = /ingestion host/i.test(fieldErrors.apiHost ?? '')
    return { ...base, field, title: ingestion ? 'ingestionHost' : 'invalidInput' }
  }
  if (code === 'authentication') return { ...base, field: 'personalApiKey', title: 'keyRejected' }
  if (code === 'permission') return { ...base, field: 'personalApiKey', title: 'keyLacksScope' }
  if (code === 'project_not_found') return { ...base, field: 'projectId', title: 'wrongProject' }
  if (code === 'rate_limited') return { ...base, field: 'form', title: 'rateLimited' }
  // The host guard (host_not_https, host_private_address, ...) and failures to reach PostHog point at the host.
  if (code.startsWith('host_') || code === 'network' || code === 'upstream_error' || code === 'timeout') {
    return { ...base, field: 'apiHost', title: 'wrongHost' }
  }
  return { ...base, field: 'form', title: 'failed' }
}
