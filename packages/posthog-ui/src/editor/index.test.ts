import { describe, expect, it } from 'vitest'
import * as entry from './index'

describe('@statisfy/posthog-ui/editor', () => {
  it('exports exactly the public editor API', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'DEFAULT_PLACEHOLDERS',
      'DEFAULT_PROPERTY_NAMES',
      'DEFAULT_SCHEMA',
      'HOGQL_FUNCTIONS',
      'HOGQL_KEYWORDS',
      'HOGQL_TYPES',
      'HogQLDialect',
      'HogQLEditor',
      'HogQLEditorFallback',
      'applyQuickFix',
      'codePointToIndex',
      'hogql',
      'hogqlCompletion',
      'hogqlLinter',
      'hogqlRunKeymap',
      'hogqlTheme',
      'normalizeSchema',
      'textToRun',
      'validationToDiagnostics',
    ])
  })
})
