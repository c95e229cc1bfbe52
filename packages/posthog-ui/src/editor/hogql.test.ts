import { syntaxTree } from '@codemirror/language'
import type { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import { hogql } from './hogql'
import { stateAt } from './testSupport'

/** The syntax node name of each word of the document, e.g. `{ select: 'Keyword' }`. */
function tokens(state: EditorState): Record<string, string> {
  const found: Record<string, string> = {}
  syntaxTree(state).iterate({
    enter(node) {
      if (!node.node.firstChild) found[state.sliceDoc(node.from, node.to)] = node.name
    },
  })
  return found
}

describe('HogQL dialect', () => {
  it('reads HogQL keywords, functions in any case, $-names and types', () => {
    const state = stateAt(
      "SELECT countIf(event = '$pageview'), properties.$browser, $group_0 FROM events WHERE toInt(x) > 1",
    )
    expect(tokens(state)).toMatchObject({
      SELECT: 'Keyword',
      FROM: 'Keyword',
      WHERE: 'Keyword',
      countIf: 'Builtin',
      toInt: 'Builtin',
      $browser: 'SpecialVar',
      $group_0: 'SpecialVar',
      "'$pageview'": 'String',
      events: 'Identifier',
    })
    expect(tokens(stateAt('select cast(x as DateTime)'))).toMatchObject({ DateTime: 'Type' })
  })

  it('reads backtick and double-quoted names as identifiers, and backslash escapes in strings', () => {
    const found = tokens(stateAt("select `my field`, \"other\", 'it\\'s' from events"))
    expect(found).toMatchObject({
      '`my field`': 'QuotedIdentifier',
      '"other"': 'QuotedIdentifier',
      "'it\\'s'": 'String',
    })
  })
})

describe('placeholder highlighting', () => {
  let view: EditorView | undefined
  afterEach(() => view?.destroy())

  const marks = (doc: string, values: string[] = []) => {
    view = new EditorView({ state: stateAt(doc, hogql({ values })), parent: document.body })
    return [...view.contentDOM.querySelectorAll('.cm-hogql-placeholder')].map((el) => ({
      text: el.textContent,
      unknown: el.classList.contains('cm-hogql-placeholder-unknown'),
    }))
  }

  it('marks known placeholders, flags unknown ones, and ignores braces inside strings', () => {
    const found = marks(
      "select 1 where timestamp >= {period_start} and x = {plan} and y = {plna} and z = '{period_end}'",
      ['plan'],
    )
    expect(found).toEqual([
      { text: '{period_start}', unknown: false },
      { text: '{plan}', unknown: false },
      { text: '{plna}', unknown: true },
    ])
  })
})
