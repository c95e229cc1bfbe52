import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { describe, expect, it } from 'vitest'
import { codePointToIndex, validationToDiagnostics } from './hogqlDiagnostics'
import { validation } from './testSupport'

describe('validationToDiagnostics', () => {
  it('maps errors, warnings and notices to error, warning and info at PostHog’s offsets', () => {
    const text = 'select foo from events'
    const diagnostics = validationToDiagnostics(
      text,
      validation({
        errors: [{ message: 'Unable to resolve field: foo', start: 7, end: 10 }],
        warnings: [{ message: 'Deprecated', start: 0, end: 6 }],
        notices: [{ message: "Field 'event' is of type 'String'", start: 16, end: 22 }],
      }),
    )
    expect(diagnostics.map((d) => [d.severity, text.slice(d.from, d.to), d.message])).toEqual([
      ['error', 'foo', 'Unable to resolve field: foo'],
      ['warning', 'select', 'Deprecated'],
      ['info', 'events', "Field 'event' is of type 'String'"],
    ])
  })

  it('covers the whole query for messages without positions, and a point for a start without end', () => {
    const [whole, point] = validationToDiagnostics(
      'select 1',
      validation({ errors: [{ message: 'Unexpected KeyError' }, { message: 'Unexpected end of query', start: 8 }] }),
    )
    expect([whole?.from, whole?.to]).toEqual([0, 8])
    expect([point?.from, point?.to]).toEqual([8, 8])
  })

  it('clamps offsets past the end and orders swapped ones', () => {
    const [past, swapped] = validationToDiagnostics(
      'abc',
      validation({
        errors: [
          { message: 'a', start: 2, end: 99 },
          { message: 'b', start: 2, end: 1 },
        ],
      }),
    )
    expect([past?.from, past?.to]).toEqual([2, 3])
    expect([swapped?.from, swapped?.to]).toEqual([1, 2])
  })

  it('converts PostHog’s code-point offsets past astral characters to CodeMirror positions', () => {
    const text = "select '🚀' as x, foo"
    // Python counts 🚀 as one character: foo starts at code point 17, UTF-16 index 18.
    const [d] = validationToDiagnostics(text, validation({ errors: [{ message: 'no foo', start: 17, end: 20 }] }))
    expect(text.slice(d?.from, d?.to)).toBe('foo')
    expect(codePointToIndex('a🚀b', 2)).toBe(3)
    expect(codePointToIndex('abc', 10)).toBe(3)
  })

  it('turns a fix into an action that replaces [start, end)', () => {
    const text = 'select evnt from events'
    const [d] = validationToDiagnostics(
      text,
      validation({ errors: [{ message: 'Did you mean event?', start: 7, end: 11, fix: 'event' }] }),
    )
    expect(d?.actions?.map((a) => a.name)).toEqual(['Replace with “event”'])
    const view = new EditorView({ state: EditorState.create({ doc: text }) })
    d?.actions?.[0]?.apply(view, d.from, d.to)
    expect(view.state.doc.toString()).toBe('select event from events')
    view.destroy()
    const [noFix, nullFix] = validationToDiagnostics(
      text,
      validation({ errors: [{ message: 'a' }, { message: 'b', fix: null }] }),
    )
    expect(noFix?.actions).toBeUndefined()
    expect(nullFix?.actions).toBeUndefined()
  })
})
