import { act, render, screen } from '@testing-library/react'
import { createRef, type RefObject, StrictMode, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HogQLEditor, type HogQLEditorHandle } from './HogQLEditor'
import type { HogQLValidate } from './hogqlDiagnostics'
import { validation } from './testSupport'

const viewOf = (ref: { current: HogQLEditorHandle | null }) => {
  const view = ref.current?.view
  if (!view) throw new Error('editor not mounted')
  return view
}
/** Simulates the user typing at the end of the document. */
const typeAtEnd = (ref: { current: HogQLEditorHandle | null }, text: string) =>
  act(() => {
    const view = viewOf(ref)
    view.dispatch({ changes: { from: view.state.doc.length, insert: text }, userEvent: 'input.type' })
  })

/** A parent that stores its own version of what the user types. */
function UpperCasingParent(props: { editorRef: RefObject<HogQLEditorHandle | null> }) {
  const [value, setValue] = useState('select')
  return <HogQLEditor ref={props.editorRef} value={value} onChange={(v) => setValue(v.toUpperCase())} />
}

describe('HogQLEditor', () => {
  afterEach(() => vi.useRealTimers())

  it('uncontrolled: starts from defaultValue, reports edits through onChange, keeps its own text', () => {
    const ref = createRef<HogQLEditorHandle>()
    const onChange = vi.fn()
    const { rerender } = render(<HogQLEditor ref={ref} defaultValue="select 1" onChange={onChange} />)
    expect(ref.current?.getValue()).toBe('select 1')
    typeAtEnd(ref, ' from events')
    expect(onChange).toHaveBeenLastCalledWith('select 1 from events')
    rerender(<HogQLEditor ref={ref} defaultValue="select 2" onChange={onChange} />)
    expect(ref.current?.getValue()).toBe('select 1 from events')
  })

  it('controlled: follows value, does not echo external changes through onChange, keeps the cursor', () => {
    const ref = createRef<HogQLEditorHandle>()
    const onChange = vi.fn()
    const { rerender } = render(<HogQLEditor ref={ref} value="select event from events" onChange={onChange} />)
    act(() => viewOf(ref).dispatch({ selection: { anchor: 3 } }))
    rerender(<HogQLEditor ref={ref} value="select event from events limit 5" onChange={onChange} />)
    expect(ref.current?.getValue()).toBe('select event from events limit 5')
    expect(viewOf(ref).state.selection.main.head).toBe(3)
    expect(onChange).not.toHaveBeenCalled()
  })

  it('controlled: a parent that transforms the value gets its version shown', () => {
    const ref = createRef<HogQLEditorHandle>()
    render(<UpperCasingParent editorRef={ref} />)
    typeAtEnd(ref, ' 1 from events')
    expect(ref.current?.getValue()).toBe('SELECT 1 FROM EVENTS')
  })

  it('reconfigures on prop changes without re-creating the editor', () => {
    const ref = createRef<HogQLEditorHandle>()
    const { rerender, container } = render(<HogQLEditor ref={ref} defaultValue="select 1" theme="light" />)
    const view = viewOf(ref)
    expect(view.state.readOnly).toBe(false)
    rerender(
      <HogQLEditor
        ref={ref}
        defaultValue="select 1"
        theme="dark"
        readOnly
        placeholder="Write HogQL"
        values={['plan']}
      />,
    )
    expect(ref.current?.view).toBe(view)
    expect(view.state.readOnly).toBe(true)
    expect(container.querySelector('.sf-hogql-editor')).toHaveAttribute('data-theme', 'dark')
    expect(view.contentDOM).toHaveAttribute('aria-readonly', 'true')
    expect(container.querySelectorAll('.cm-editor')).toHaveLength(1)
  })

  it('theme auto follows the kit root’s data-sf-theme, live', async () => {
    const { container } = render(
      <div data-sf-theme="dark">
        <HogQLEditor defaultValue="select 1" />
      </div>,
    )
    const editor = container.querySelector('.sf-hogql-editor')
    expect(editor).toHaveAttribute('data-theme', 'dark')
    await act(async () => container.firstElementChild?.setAttribute('data-sf-theme', 'light'))
    expect(editor).toHaveAttribute('data-theme', 'light')
  })

  it('labels the text area and passes className; replaces the static fallback once mounted', () => {
    const { container } = render(
      <HogQLEditor defaultValue="select 1" className="wide" aria-label="Product usage query" />,
    )
    expect(screen.getByRole('textbox', { name: 'Product usage query' })).toHaveClass('cm-content')
    expect(container.firstElementChild).toHaveClass('sf-hogql-editor', 'wide')
    expect(container.querySelector('textarea')).toBeNull()
  })

  it('exposes validation in data-state and hands diagnostics to onDiagnostics', async () => {
    vi.useFakeTimers()
    const validate = vi.fn<HogQLValidate>(async (text) =>
      text.includes('evnt')
        ? validation({ errors: [{ message: 'Unknown field evnt', start: 7, end: 11 }] })
        : validation(),
    )
    const onDiagnostics = vi.fn()
    const ref = createRef<HogQLEditorHandle>()
    const { container } = render(
      <HogQLEditor
        ref={ref}
        defaultValue="select evnt from events"
        validate={validate}
        onDiagnostics={onDiagnostics}
      />,
    )
    const root = container.firstElementChild
    expect(root).toHaveAttribute('data-state', 'validating')
    await act(() => vi.advanceTimersByTimeAsync(400))
    expect(root).toHaveAttribute('data-state', 'invalid')
    expect(onDiagnostics.mock.lastCall?.[0]).toEqual([expect.objectContaining({ severity: 'error', from: 7, to: 11 })])
    act(() => viewOf(ref).dispatch({ changes: { from: 7, to: 11, insert: 'event' } }))
    expect(root).toHaveAttribute('data-state', 'validating')
    await act(() => vi.advanceTimersByTimeAsync(400))
    expect(root).toHaveAttribute('data-state', 'valid')
  })

  it('calls the latest onRun with the whole query on Mod-Enter', async () => {
    const first = vi.fn()
    const latest = vi.fn()
    const ref = createRef<HogQLEditorHandle>()
    const { rerender } = render(<HogQLEditor ref={ref} defaultValue="select 1" onRun={first} />)
    rerender(<HogQLEditor ref={ref} defaultValue="select 1" onRun={latest} />)
    const { runScopeHandlers } = await import('@codemirror/view')
    act(() => {
      runScopeHandlers(viewOf(ref), new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }), 'editor')
    })
    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledWith('select 1')
  })

  it('survives StrictMode’s double mount with one configured editor', () => {
    const ref = createRef<HogQLEditorHandle>()
    const { container } = render(
      <StrictMode>
        <HogQLEditor ref={ref} defaultValue="select 1" readOnly placeholder="Write HogQL" />
      </StrictMode>,
    )
    expect(container.querySelectorAll('.cm-editor')).toHaveLength(1)
    // The second mount's editor got the props too, not only the first (destroyed) one.
    expect(ref.current?.view?.state.readOnly).toBe(true)
    expect(ref.current?.getValue()).toBe('select 1')
    act(() => ref.current?.focus())
    expect(ref.current?.view?.hasFocus).toBe(true)
  })
})
