import { syntaxTree } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  MatchDecorator,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view'

/**
 * Placeholders the sync engine always fills: the start and end of the window being read (see DESIGN.md, sync).
 * PostHog itself also knows `{filters}` (the insight's filters) — not offered, since saved queries do not carry filters.
 */
export const DEFAULT_PLACEHOLDERS: readonly string[] = ['period_start', 'period_end']

/** All placeholder names to offer: the defaults, then the host's `values`, without duplicates. */
export const placeholderNames = (values: readonly string[] = []): readonly string[] => [
  ...new Set([...DEFAULT_PLACEHOLDERS, ...values]),
]

const PLACEHOLDER = /\{\s*([A-Za-z_][\w.]*)\s*\}/g

/**
 * Marks `{name}` placeholders (outside strings and comments) with the class `cm-hogql-placeholder`, and those whose
 * name is not among `names` also with `cm-hogql-placeholder-unknown`, so a typo in `{period_strat}` stands out before
 * PostHog rejects it.
 */
export function placeholderHighlighter(names: readonly string[]): Extension {
  const known = new Set(names)
  const mark = (name: string) =>
    Decoration.mark({
      class: known.has(name) ? 'cm-hogql-placeholder' : 'cm-hogql-placeholder cm-hogql-placeholder-unknown',
      attributes: { title: known.has(name) ? `Placeholder {${name}}` : `Unknown placeholder {${name}}` },
    })
  const decorator = new MatchDecorator({
    regexp: PLACEHOLDER,
    decoration: (match, view, pos) => {
      const inside = syntaxTree(view.state).resolveInner(pos + 1, 1).name
      return /String|Comment/.test(inside) ? null : mark(match[1] ?? '')
    },
  })
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet
      constructor(view: EditorView) {
        this.decorations = decorator.createDeco(view)
      }
      update(update: ViewUpdate) {
        this.decorations = decorator.updateDeco(update, this.decorations)
      }
    },
    { decorations: (plugin) => plugin.decorations },
  )
}
