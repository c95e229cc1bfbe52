import { LanguageSupport } from '@codemirror/language'
import { type HogQLCompletionConfig, hogqlCompletion } from './hogqlCompletion'
import { HogQLDialect } from './hogqlDialect'
import { placeholderHighlighter, placeholderNames } from './placeholders'

/** Options of {@link hogql}: what completion and placeholder highlighting know about the project. */
export type HogQLConfig = HogQLCompletionConfig

/**
 * HogQL language support for CodeMirror 6: the {@link HogQLDialect} parser and highlighting, completion of tables,
 * fields, properties, functions, keywords and `{placeholders}` (through the language's `autocomplete` data, so any
 * `autocompletion()` picks it up), and placeholder marking. For hosts that build their own CodeMirror editor.
 *
 * @example
 * new EditorView({
 *   parent,
 *   extensions: [basicSetup, hogql({ schema, values: ['plan'] }), hogqlLinter({ validate })],
 * })
 */
export function hogql(config: HogQLConfig = {}): LanguageSupport {
  return new LanguageSupport(HogQLDialect.language, [
    HogQLDialect.language.data.of({ autocomplete: hogqlCompletion(config) }),
    placeholderHighlighter(placeholderNames(config.values)),
  ])
}
