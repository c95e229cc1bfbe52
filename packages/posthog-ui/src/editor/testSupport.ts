import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete'
import { ensureSyntaxTree } from '@codemirror/language'
import { EditorSelection, EditorState, type Extension } from '@codemirror/state'
import { type HogQLConfig, hogql } from './hogql'
import { hogqlCompletion } from './hogqlCompletion'
import type { HogQLNotice, HogQLValidation } from './hogqlDiagnostics'

/** Test helper: an editor state from a document where `|` marks the cursor (or `[`…`]` a selection). */
export function stateAt(marked: string, extensions: Extension = hogql()): EditorState {
  const from = marked.includes('[') ? marked.indexOf('[') : marked.indexOf('|')
  const doc = marked.replace(/[|[\]]/g, '')
  const to = marked.includes(']') ? marked.indexOf(']') - 1 : from
  const state = EditorState.create({
    doc,
    selection: from < 0 ? undefined : EditorSelection.single(from, to),
    extensions,
  })
  ensureSyntaxTree(state, state.doc.length, 5000)
  return state
}

/** Test helper: runs HogQL completion at the `|` of `marked`, as if the user asked for it (Ctrl-Space) by default. */
export function completeAt(marked: string, config: HogQLConfig = {}, explicit = true): CompletionResult | null {
  const state = stateAt(marked, hogql(config))
  const result = hogqlCompletion(config)(new CompletionContext(state, state.selection.main.head, explicit))
  if (result instanceof Promise) throw new Error('HogQL completion is synchronous')
  return result
}

/** Test helper: the labels a completion result offers. */
export const labels = (result: CompletionResult | null): string[] => result?.options.map((o) => o.label) ?? []

/** Test helper: a HogQLMetadata answer with defaults for what a test leaves out. */
export const validation = (
  partial: Partial<Record<'errors' | 'warnings' | 'notices', HogQLNotice[]>> & { isValid?: boolean } = {},
): HogQLValidation => ({
  isValid: partial.isValid ?? (partial.errors ?? []).length === 0,
  errors: partial.errors ?? [],
  warnings: partial.warnings ?? [],
  notices: partial.notices ?? [],
})

/** Test helper: a promise the test resolves or rejects when it chooses. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
