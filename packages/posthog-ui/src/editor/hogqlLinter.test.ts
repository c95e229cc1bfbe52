import { type Diagnostic, forEachDiagnostic } from '@codemirror/lint'
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyQuickFix } from './hogqlCommands'
import type { HogQLValidate, HogQLValidation } from './hogqlDiagnostics'
import { type HogQLValidationState, hogqlLinter } from './hogqlLinter'
import { deferred, validation } from './testSupport'

const shown = (view: EditorView) => {
  const found: { severity: string; text: string }[] = []
  forEachDiagnostic(view.state, (d, from, to) =>
    found.push({ severity: d.severity, text: view.state.sliceDoc(from, to) }),
  )
  return found
}

describe('hogqlLinter', () => {
  let view: EditorView
  let states: HogQLValidationState[]
  let answers: (readonly Diagnostic[])[]

  const mount = (doc: string, validate: HogQLValidate, delay?: number) => {
    states = []
    answers = []
    view = new EditorView({
      parent: document.body,
      state: EditorState.create({
        doc,
        extensions: hogqlLinter({
          validate,
          ...(delay === undefined ? {} : { delay }),
          onStateChange: (s) => states.push(s),
          onDiagnostics: (d) => answers.push(d),
        }),
      }),
    })
  }
  const type = (text: string) => view.dispatch({ changes: { from: view.state.doc.length, insert: text } })

  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    view.destroy()
    vi.useRealTimers()
  })

  it('waits for a 400 ms pause in typing (by default), then validates the whole text once', async () => {
    const validate = vi.fn<HogQLValidate>(async () => validation())
    mount('select', validate)
    await vi.advanceTimersByTimeAsync(300)
    type(' 1')
    await vi.advanceTimersByTimeAsync(399)
    expect(validate).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(validate).toHaveBeenCalledTimes(1)
    expect(validate.mock.calls[0]?.[0]).toBe('select 1')
  })

  it('uses the configured delay', async () => {
    const validate = vi.fn<HogQLValidate>(async () => validation())
    mount('select 1', validate, 50)
    await vi.advanceTimersByTimeAsync(50)
    expect(validate).toHaveBeenCalledTimes(1)
  })

  it('shows PostHog’s errors, warnings and notices where PostHog puts them, and reports invalid', async () => {
    mount('select evnt from events', async () =>
      validation({
        errors: [{ message: 'Unable to resolve field: evnt', start: 7, end: 11, fix: 'event' }],
        notices: [{ message: 'events is a table', start: 17, end: 23 }],
      }),
    )
    await vi.advanceTimersByTimeAsync(400)
    expect(shown(view)).toEqual([
      { severity: 'error', text: 'evnt' },
      { severity: 'info', text: 'events' },
    ])
    expect(states).toEqual(['validating', 'invalid'])
    expect(answers.at(-1)).toHaveLength(2)
  })

  it('applies the quick fix under the cursor with the applyQuickFix command', async () => {
    mount('select evnt from events', async () =>
      validation({ errors: [{ message: 'Unable to resolve field: evnt', start: 7, end: 11, fix: 'event' }] }),
    )
    await vi.advanceTimersByTimeAsync(400)
    view.dispatch({ selection: { anchor: 1 } })
    expect(applyQuickFix(view)).toBe(false)
    view.dispatch({ selection: { anchor: 9 } })
    expect(applyQuickFix(view)).toBe(true)
    expect(view.state.doc.toString()).toBe('select event from events')
  })

  it('aborts the request in flight as soon as the text changes, and ignores its late answer', async () => {
    const first = deferred<HogQLValidation>()
    const signals: AbortSignal[] = []
    const validate = vi.fn<HogQLValidate>((_text, signal) => {
      signals.push(signal)
      return signals.length === 1 ? first.promise : Promise.resolve(validation())
    })
    mount('select evnt', validate)
    await vi.advanceTimersByTimeAsync(400)
    expect(signals[0]?.aborted).toBe(false)
    type(' from events')
    expect(signals[0]?.aborted).toBe(true)
    // The stale request answers anyway (a host that ignores the signal): nothing of it may show.
    first.resolve(validation({ errors: [{ message: 'stale', start: 0, end: 6 }] }))
    await vi.advanceTimersByTimeAsync(0)
    expect(shown(view)).toEqual([])
    expect(states.at(-1)).toBe('validating')
    await vi.advanceTimersByTimeAsync(400)
    expect(validate).toHaveBeenCalledTimes(2)
    expect(validate.mock.calls[1]?.[0]).toBe('select evnt from events')
    expect(states.at(-1)).toBe('valid')
    expect(answers.flat().map((d) => d.message)).not.toContain('stale')
  })

  it('reports unavailable when validation fails, and idle for an empty text without asking PostHog', async () => {
    const validate = vi.fn<HogQLValidate>(async () => {
      throw new Error('offline')
    })
    mount('select 1', validate)
    await vi.advanceTimersByTimeAsync(400)
    expect(states.at(-1)).toBe('unavailable')
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '  ' } })
    await vi.advanceTimersByTimeAsync(400)
    expect(states.at(-1)).toBe('idle')
    expect(validate).toHaveBeenCalledTimes(1)
  })

  it('validates known placeholders as same-length stand-ins and shows PostHog’s offsets on the real text', async () => {
    const doc = 'select {period_start}, evnt'
    const validate = vi.fn<HogQLValidate>(async (text) => {
      const start = text.indexOf('evnt')
      return validation({ errors: [{ message: 'Unknown field', start, end: start + 4 }] })
    })
    mount(doc, validate)
    await vi.advanceTimersByTimeAsync(400)
    expect(validate.mock.calls[0]?.[0]).toBe('select now()         , evnt')
    expect(shown(view)).toEqual([{ severity: 'error', text: 'evnt' }])
  })

  it('keeps warnings-only answers valid', async () => {
    mount('select 1', async () => validation({ warnings: [{ message: 'slow', start: 0, end: 6 }] }))
    await vi.advanceTimersByTimeAsync(400)
    expect(states.at(-1)).toBe('valid')
    expect(shown(view)).toEqual([{ severity: 'warning', text: 'select' }])
  })
})
