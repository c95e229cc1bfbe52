import { type Completion, pickedCompletion } from '@codemirror/autocomplete'
import type { EditorView } from '@codemirror/view'
import { HOGQL_FUNCTIONS, type HogQLFunction } from './hogqlFunctions'
import { HOGQL_KEYWORDS, HOGQL_TYPES } from './hogqlKeywords'
import type { HogQLSchema, HogQLSchemaField } from './hogqlSchema'

/** Names HogQL reads without quoting; anything else needs backticks (or brackets for JSON properties). */
export const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/

/** Inserts `name()` with the cursor between the parentheses (or just the name when a `(` already follows). */
function applyCall(view: EditorView, completion: Completion, from: number, to: number): void {
  const hasParen = view.state.sliceDoc(to, to + 1) === '('
  const insert = hasParen ? completion.label : `${completion.label}()`
  view.dispatch({
    changes: { from, to, insert },
    selection: { anchor: from + completion.label.length + 1 },
    annotations: pickedCompletion.of(completion),
    userEvent: 'input.complete',
  })
}

/** A completion for a HogQL function, with its signature as detail. */
export function functionCompletion(fn: HogQLFunction): Completion {
  return {
    label: fn.name,
    type: 'function',
    detail: fn.signature,
    info: fn.kind === 'scalar' ? fn.description : `${fn.description} (${fn.kind})`,
    apply: applyCall,
  }
}

/** Completions for every curated function (built once per config). */
export const functionCompletions = (): Completion[] => HOGQL_FUNCTIONS.map(functionCompletion)

/** Keyword and type completions in the chosen case; boosted below names so `se` offers `session` before `SELECT`. */
export function keywordCompletions(keywordCase: 'upper' | 'lower'): Completion[] {
  const cased = (word: string) => (keywordCase === 'upper' ? word.toUpperCase() : word.toLowerCase())
  return [
    ...HOGQL_KEYWORDS.map((word): Completion => ({ label: cased(word), type: 'keyword', boost: -1 })),
    ...HOGQL_TYPES.map((word): Completion => ({ label: word, type: 'type', boost: -2 })),
  ]
}

/** Completions for the tables of the schema. */
export function tableCompletions(schema: HogQLSchema): Completion[] {
  return Object.entries(schema.tables).map(([key, table]) => ({
    label: key,
    type: 'class',
    detail: !table.type || table.type === 'posthog' ? 'table' : table.type.replaceAll('_', ' '),
    apply: PLAIN_NAME.test(key) || key.includes('.') ? key : `\`${key}\``,
  }))
}

function fieldDetail(field: HogQLSchemaField): string {
  return field.table ? `${field.type} → ${field.table}` : field.type
}

/** Completions for the fields of one table, inserting PostHog's own spelling (`hogql_value`) when it gives one. */
export function fieldCompletions(schema: HogQLSchema, table: string): Completion[] {
  const fields = schema.tables[table]?.fields ?? {}
  return Object.entries(fields).map(([key, field]) => {
    const label = field.name || key
    const apply = field.hogql_value || (PLAIN_NAME.test(label) ? label : `\`${label}\``)
    return { label, type: 'property', detail: fieldDetail(field), ...(apply === label ? {} : { apply }) }
  })
}

/** Completions for plain names (join targets whose table is not in the schema). */
export const nameCompletions = (names: readonly string[]): Completion[] =>
  names.map((label) => ({ label, type: 'property' }))

/**
 * Completions for JSON property names. A name HogQL cannot read after a dot (`$feature/new-ui`) replaces the dot with
 * PostHog's bracket form: `properties['$feature/new-ui']`.
 */
export function propertyCompletions(names: readonly string[]): Completion[] {
  return names.map((label) => {
    if (PLAIN_NAME.test(label)) return { label, type: 'property', detail: 'property' }
    return {
      label,
      type: 'property',
      detail: 'property',
      apply: (view: EditorView, completion: Completion, from: number, to: number) => {
        const dot = view.state.sliceDoc(from - 1, from) === '.' ? from - 1 : from
        view.dispatch({
          changes: { from: dot, to, insert: `['${label.replaceAll("'", "\\'")}']` },
          annotations: pickedCompletion.of(completion),
          userEvent: 'input.complete',
        })
      },
    }
  })
}

/** Completions for `{placeholder}` names, closing the brace when it is not there yet. */
export function placeholderCompletions(names: readonly string[]): Completion[] {
  return names.map((label) => ({
    label,
    type: 'variable',
    detail: 'placeholder',
    apply: (view: EditorView, completion: Completion, from: number, to: number) => {
      // closeBrackets has usually typed the `}` already: step over it rather than doubling it.
      const closing = /^\s*\}/.exec(view.state.sliceDoc(to, to + 8))?.[0]
      const insert = closing ? label : `${label}}`
      view.dispatch({
        changes: { from, to, insert },
        selection: { anchor: from + insert.length + (closing?.length ?? 0) },
        annotations: pickedCompletion.of(completion),
        userEvent: 'input.complete',
      })
    },
  }))
}
