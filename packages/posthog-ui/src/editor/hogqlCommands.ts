import { type Action, forEachDiagnostic } from '@codemirror/lint'
import { type EditorState, type Extension, Prec } from '@codemirror/state'
import { type Command, keymap } from '@codemirror/view'

/** The text Mod-Enter runs: the main selection when it is not empty, else the whole document. */
export function textToRun(state: EditorState): string {
  const { main } = state.selection
  return main.empty ? state.doc.toString() : state.sliceDoc(main.from, main.to)
}

/**
 * Mod-Enter (Ctrl-Enter, Cmd-Enter on macOS) calls `onRun` with the selected text, or the whole query when nothing is
 * selected. Takes precedence over CodeMirror's own Mod-Enter (insert blank line).
 *
 * @example
 * hogqlRunKeymap((hogql) => preview.mutate({ hogql }))
 */
export function hogqlRunKeymap(onRun: (hogql: string) => void): Extension {
  return Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        preventDefault: true,
        run: (view) => {
          onRun(textToRun(view.state))
          return true
        },
      },
    ]),
  )
}

/**
 * Applies the first quick fix of the diagnostic under the cursor (bound to Mod-. in the editor, as in most IDEs);
 * returns false when there is none, so the key does nothing.
 */
export const applyQuickFix: Command = (view) => {
  const head = view.state.selection.main.head
  const fixes: { action: Action; from: number; to: number }[] = []
  forEachDiagnostic(view.state, (diagnostic, from, to) => {
    const action = diagnostic.actions?.[0]
    if (action && from <= head && head <= to) fixes.push({ action, from, to })
  })
  const fix = fixes[0]
  if (!fix) return false
  fix.action.apply(view, fix.from, fix.to)
  return true
}
