import { EditorView, runScopeHandlers } from '@codemirror/view'
import { describe, expect, it, vi } from 'vitest'
import { hogqlRunKeymap, textToRun } from './hogqlCommands'
import { stateAt } from './testSupport'

describe('textToRun', () => {
  it('is the whole document without a selection, the selection otherwise', () => {
    expect(textToRun(stateAt('select 1|\nfrom events', []))).toBe('select 1\nfrom events')
    expect(textToRun(stateAt('[select 1]\nfrom events', []))).toBe('select 1')
  })
})

describe('hogqlRunKeymap', () => {
  it('runs on Ctrl-Enter (Mod-Enter off macOS) and consumes the key', () => {
    const onRun = vi.fn()
    const view = new EditorView({ state: stateAt('[select 1] from events', hogqlRunKeymap(onRun)) })
    const handled = runScopeHandlers(view, new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }), 'editor')
    expect(handled).toBe(true)
    expect(onRun).toHaveBeenCalledWith('select 1')
    expect(runScopeHandlers(view, new KeyboardEvent('keydown', { key: 'Enter' }), 'editor')).toBe(false)
    expect(onRun).toHaveBeenCalledTimes(1)
    view.destroy()
  })
})
