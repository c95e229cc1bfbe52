import { type Diagnostic, linter } from '@codemirror/lint'
import type { Extension } from '@codemirror/state'
import { type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view'
import { type HogQLValidate, validationToDiagnostics } from './hogqlDiagnostics'
import { withPlaceholderStandIns } from './placeholderStandIns'
import { DEFAULT_PLACEHOLDERS } from './placeholders'

/**
 * Where checking the current text stands: `idle` (nothing to check), `validating` (waiting for the pause in typing or
 * for PostHog), `valid`, `invalid` (PostHog reported errors), `unavailable` (the check itself failed, e.g. offline).
 */
export type HogQLValidationState = 'idle' | 'validating' | 'valid' | 'invalid' | 'unavailable'

/** Options of {@link hogqlLinter}. */
export interface HogQLLinterOptions {
  /** Checks the text with PostHog's HogQLMetadata (through the host). */
  readonly validate: HogQLValidate
  /**
   * Pause in typing before checking, in milliseconds.
   * @default 400
   */
  readonly delay?: number
  /**
   * Placeholders the query is run with; validated as same-length stand-ins (PostHog's HogQLMetadata takes no values).
   * @default ['period_start', 'period_end']
   */
  readonly placeholders?: readonly string[]
  /** Told each time the validation state changes. */
  readonly onStateChange?: (state: HogQLValidationState) => void
  /** Told the diagnostics of each answer for the current text (empty when the text is cleared). */
  readonly onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void
}

/**
 * Diagnostics from PostHog's HogQLMetadata: checks the text after a pause in typing, aborts the request in flight as
 * soon as the text changes (each check counts against PostHog's rate limits), and drops answers for text that is no
 * longer there.
 *
 * @example
 * hogqlLinter({ validate: (hogql, signal) => api.validateHogQL({ hogql }, { signal }) })
 */
export function hogqlLinter(options: HogQLLinterOptions): Extension {
  const tracker = ViewPlugin.fromClass(
    class {
      state: HogQLValidationState = 'idle'
      generation = 0
      controller: AbortController | null = null

      constructor(view: EditorView) {
        this.set(view.state.doc.toString().trim() ? 'validating' : 'idle')
      }

      update(update: ViewUpdate) {
        if (!update.docChanged) return
        this.cancel()
        this.set(update.state.doc.toString().trim() ? 'validating' : 'idle')
      }

      destroy() {
        this.cancel()
      }

      cancel() {
        this.generation++
        this.controller?.abort()
        this.controller = null
      }

      begin() {
        this.cancel()
        this.controller = new AbortController()
        this.set('validating')
        return { generation: this.generation, signal: this.controller.signal }
      }

      settle(generation: number, state: HogQLValidationState, diagnostics: readonly Diagnostic[]) {
        if (generation !== this.generation) return false
        this.controller = null
        this.set(state)
        options.onDiagnostics?.(diagnostics)
        return true
      }

      set(state: HogQLValidationState) {
        if (state === this.state) return
        this.state = state
        options.onStateChange?.(state)
      }
    },
  )

  const source = async (view: EditorView): Promise<readonly Diagnostic[]> => {
    const run = view.plugin(tracker)
    if (!run) return []
    const text = view.state.doc.toString()
    if (!text.trim()) {
      run.settle(run.generation, 'idle', [])
      return []
    }
    const { generation, signal } = run.begin()
    try {
      const checked = withPlaceholderStandIns(view.state, options.placeholders ?? DEFAULT_PLACEHOLDERS)
      const validation = await options.validate(checked, signal)
      const diagnostics = validationToDiagnostics(text, validation)
      const invalid = validation.isValid === false || diagnostics.some((d) => d.severity === 'error')
      return run.settle(generation, invalid ? 'invalid' : 'valid', diagnostics) ? diagnostics : []
    } catch {
      // An aborted or stale request says nothing about the current text; a failed one leaves it unchecked.
      if (!signal.aborted) run.settle(generation, 'unavailable', [])
      return []
    }
  }

  return [tracker, linter(source, { delay: options.delay ?? 400 })]
}
