import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete'
import { syntaxTree } from '@codemirror/language'
import {
  fieldCompletions,
  functionCompletions,
  keywordCompletions,
  nameCompletions,
  placeholderCompletions,
  propertyCompletions,
  tableCompletions,
} from './completionOptions'
import { DEFAULT_SCHEMA } from './defaultSchema'
import { type HogQLPropertyNames, type HogQLSchemaInput, normalizeSchema } from './hogqlSchema'
import { placeholderNames } from './placeholders'
import { resolvePath } from './schemaIndex'
import { findTableReferences } from './tableReferences'

/** What HogQL completion knows about the project. All optional. */
export interface HogQLCompletionConfig {
  /**
   * The project's tables, fields and joins to complete: PostHog's `DatabaseSchemaQuery` response, or the kit API's
   * `GetSchemaResponse` (`useSchema().data`).
   * @default the tables every PostHog project has (events, persons, groups, sessions)
   */
  readonly schema?: HogQLSchemaInput | null
  /** Placeholder names the query may use as `{name}`, besides `{period_start}` and `{period_end}`. */
  readonly values?: readonly string[]
  /** Property names per table, offered after `properties.` (PostHog's built-in names otherwise). */
  readonly propertyNames?: HogQLPropertyNames
  /**
   * Case of completed keywords.
   * @default 'upper'
   */
  readonly keywordCase?: 'upper' | 'lower'
}

const NAME_CHARS = /^[\w$]*$/
const PLACEHOLDER_CHARS = /^[\w.]*$/
const NOT_CODE = /String|Comment|QuotedIdentifier/

/**
 * One completion source for HogQL: `{placeholders}` inside braces; after a dot, the fields, joined tables or JSON
 * properties the path leads to (alias-aware: `FROM events e` makes `e.` complete events' fields); after FROM / JOIN,
 * tables; elsewhere, the fields of the tables the query reads, aliases, functions, tables and keywords.
 *
 * @example
 * EditorState.create({ extensions: [HogQLDialect.language, autocompletion({ override: [hogqlCompletion({ schema })] })] })
 */
export function hogqlCompletion(config: HogQLCompletionConfig = {}): CompletionSource {
  const schema = normalizeSchema(config.schema ?? DEFAULT_SCHEMA)
  const propertyNames = config.propertyNames ?? {}
  const placeholders = placeholderCompletions(placeholderNames(config.values))
  const tables = tableCompletions(schema)
  const general = [...functionCompletions(), ...keywordCompletions(config.keywordCase ?? 'upper')]
  const fieldsOf = new Map<string, Completion[]>()
  const fields = (table: string) => {
    const cached = fieldsOf.get(table)
    if (cached) return cached
    const list = fieldCompletions(schema, table)
    fieldsOf.set(table, list)
    return list
  }

  return (context: CompletionContext): CompletionResult | null => {
    if (NOT_CODE.test(syntaxTree(context.state).resolveInner(context.pos, -1).name)) return null
    const brace = context.matchBefore(/\{\s*[\w.]*$/)
    if (brace) {
      const word = /[\w.]*$/.exec(brace.text)?.[0] ?? ''
      return { from: context.pos - word.length, options: placeholders, validFor: PLACEHOLDER_CHARS }
    }

    const before = context.matchBefore(/[\w$.]*$/)
    const text = before?.text ?? ''
    // `1.5`, `x..y` or `['a'].b` are not name paths.
    const charBefore = context.state.sliceDoc(context.pos - text.length - 1, context.pos - text.length)
    if (/^\d/.test(text) || text.includes('..') || /[\]`'")]/.test(charBefore)) return null
    const path = text.split('.')
    const word = path.pop() ?? ''
    const from = context.pos - word.length
    const refs = findTableReferences(context.state)

    if (path.length > 0) {
      const level = resolvePath(schema, refs, path, propertyNames)
      if (!level) return null
      const options =
        level.kind === 'table'
          ? fields(level.table)
          : level.kind === 'names'
            ? nameCompletions(level.names)
            : propertyCompletions(level.names)
      return { from, options, validFor: NAME_CHARS }
    }

    if (!word && !context.explicit) return null
    const lineBefore = context.state.sliceDoc(Math.max(0, from - 200), from)
    if (/\b(from|join)\s+$/i.test(lineBefore)) return { from, options: tables, validFor: NAME_CHARS }

    const readTables = refs.tables.length > 0 ? refs.tables : ['events']
    const aliases = [...refs.aliases.keys()].map((label): Completion => ({ label, type: 'variable', detail: 'alias' }))
    const options = [...readTables.flatMap(fields), ...aliases, ...general, ...tables.map((t) => ({ ...t, boost: -1 }))]
    return { from, options, validFor: NAME_CHARS }
  }
}
