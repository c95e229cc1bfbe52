import { acceptCompletion, autocompletion, closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { bracketMatching, indentOnInput } from '@codemirror/language'
import { lintKeymap } from '@codemirror/lint'
import { Annotation, Compartment, type Extension } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view'
import { applyQuickFix, hogqlRunKeymap } from './hogqlCommands'

/** Marks transactions that carry a new `value` prop into the editor, so they are not echoed back through onChange. */
export const externalChange = Annotation.define<boolean>()

/** The parts of the editor that props reconfigure in place (no editor re-creation). */
export interface EditorCompartments {
  readonly language: Compartment
  readonly lint: Compartment
  readonly theme: Compartment
  readonly readOnly: Compartment
  readonly placeholder: Compartment
  readonly attributes: Compartment
}

export const createCompartments = (): EditorCompartments => ({
  language: new Compartment(),
  lint: new Compartment(),
  theme: new Compartment(),
  readOnly: new Compartment(),
  placeholder: new Compartment(),
  attributes: new Compartment(),
})

/** What the editor calls back into; read through refs so new callback props need no reconfiguration. */
export interface EditorCallbacks {
  readonly onRun: (hogql: string) => void
  readonly onChange: (value: string) => void
}

/**
 * The fixed part of the editor: history, brackets, completion (Enter or Tab accepts), lint keys (Mod-Shift-m opens the
 * list of problems, F8 goes to the next one, Mod-. applies the quick fix under the cursor), Mod-Enter to run, and the
 * empty compartments that props fill. Tab is not bound to indentation so keyboard users can leave the editor.
 */
export function editorSetup(compartments: EditorCompartments, callbacks: EditorCallbacks): Extension {
  return [
    Object.values(compartments).map((compartment: Compartment) => compartment.of([])),
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    EditorView.lineWrapping,
    hogqlRunKeymap(callbacks.onRun),
    keymap.of([
      { key: 'Tab', run: acceptCompletion },
      { key: 'Mod-.', run: applyQuickFix, preventDefault: true },
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      ...lintKeymap,
    ]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !update.transactions.some((tr) => tr.annotation(externalChange))) {
        callbacks.onChange(update.state.doc.toString())
      }
    }),
  ]
}
