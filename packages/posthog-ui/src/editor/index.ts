'use client'
// `@statisfy/posthog-ui/editor`: the HogQL editor and its CodeMirror pieces. A separate entry so that CodeMirror
// stays out of hosts that do not show the editor; `HogQLEditorLazy` (from the main entry) loads it on demand.

export { DEFAULT_SCHEMA } from './defaultSchema'
export type { HogQLEditorHandle, HogQLEditorProps, HogQLEditorState } from './HogQLEditor'
export { HogQLEditor } from './HogQLEditor'
export type { HogQLEditorFallbackProps } from './HogQLEditorFallback'
export { HogQLEditorFallback } from './HogQLEditorFallback'
export type { HogQLConfig } from './hogql'
export { hogql } from './hogql'
export { applyQuickFix, hogqlRunKeymap, textToRun } from './hogqlCommands'
export type { HogQLCompletionConfig } from './hogqlCompletion'
export { hogqlCompletion } from './hogqlCompletion'
export type { HogQLNotice, HogQLValidate, HogQLValidation } from './hogqlDiagnostics'
export { codePointToIndex, validationToDiagnostics } from './hogqlDiagnostics'
export { HogQLDialect } from './hogqlDialect'
export type { HogQLFunction, HogQLFunctionKind } from './hogqlFunctions'
export { HOGQL_FUNCTIONS } from './hogqlFunctions'
export { HOGQL_KEYWORDS, HOGQL_TYPES } from './hogqlKeywords'
export type { HogQLLinterOptions, HogQLValidationState } from './hogqlLinter'
export { hogqlLinter } from './hogqlLinter'
export type {
  HogQLPropertyNames,
  HogQLSchema,
  HogQLSchemaField,
  HogQLSchemaInput,
  HogQLSchemaList,
  HogQLSchemaTable,
} from './hogqlSchema'
export { DEFAULT_PROPERTY_NAMES, normalizeSchema } from './hogqlSchema'
export type { HogQLThemeMode } from './hogqlTheme'
export { hogqlTheme } from './hogqlTheme'
export { DEFAULT_PLACEHOLDERS } from './placeholders'
