import type { Diagnostic } from '@codemirror/lint'

/**
 * One message of PostHog's HogQLMetadata response (`HogQLNotice`): `start`/`end` are 0-based offsets into the query,
 * end exclusive; `fix`, when given, is replacement text for [start, end).
 */
export interface HogQLNotice {
  readonly message: string
  readonly start?: number | null
  readonly end?: number | null
  readonly fix?: string | null
}

/** The part of PostHog's HogQLMetadata response the editor shows. */
export interface HogQLValidation {
  readonly isValid: boolean
  readonly errors: readonly HogQLNotice[]
  readonly warnings: readonly HogQLNotice[]
  readonly notices: readonly HogQLNotice[]
}

/**
 * Asks PostHog (through the host) to check a query without running it: a HogQLMetadata request
 * `{ kind: 'HogQLMetadata', language: 'hogQL', query: hogql }`. Must stop when `signal` aborts.
 */
export type HogQLValidate = (hogql: string, signal: AbortSignal) => Promise<HogQLValidation>

/**
 * Converts a PostHog offset to a CodeMirror position. PostHog computes offsets on Python strings, which count code
 * points, while CodeMirror counts UTF-16 units: after an emoji or other astral character they differ by one each.
 */
export function codePointToIndex(text: string, codePoints: number): number {
  let index = 0
  for (let seen = 0; seen < codePoints && index < text.length; seen++) {
    const code = text.charCodeAt(index)
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1
  }
  return index
}

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text)

function toDiagnostic(text: string, notice: HogQLNotice, severity: Diagnostic['severity']): Diagnostic {
  const valid = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0
  // Messages without positions ("Unexpected <ClassName>" from PostHog's non-HogQL exceptions) cover the whole query.
  const start = valid(notice.start) ? codePointToIndex(text, notice.start) : 0
  const end = valid(notice.end) ? codePointToIndex(text, notice.end) : valid(notice.start) ? start : text.length
  const from = Math.min(start, end)
  const to = Math.max(start, end)
  const fix = notice.fix
  return {
    from,
    to,
    severity,
    source: 'HogQL',
    message: String(notice.message ?? ''),
    ...(typeof fix === 'string'
      ? {
          actions: [
            {
              name: fix ? `Replace with “${shorten(fix)}”` : 'Remove',
              apply: (view, actionFrom, actionTo) =>
                view.dispatch({ changes: { from: actionFrom, to: actionTo, insert: fix }, userEvent: 'input.fix' }),
            },
          ],
        }
      : {}),
  }
}

/**
 * Maps a HogQLMetadata answer for `text` onto CodeMirror diagnostics: errors → `error`, warnings → `warning`,
 * notices (PostHog's type hints) → `info`; a `fix` becomes an action replacing [start, end).
 */
export function validationToDiagnostics(text: string, validation: HogQLValidation): Diagnostic[] {
  const list = (notices: readonly HogQLNotice[] | undefined) => (Array.isArray(notices) ? notices : [])
  return [
    ...list(validation.errors).map((n) => toDiagnostic(text, n, 'error')),
    ...list(validation.warnings).map((n) => toDiagnostic(text, n, 'warning')),
    ...list(validation.notices).map((n) => toDiagnostic(text, n, 'info')),
  ]
}
