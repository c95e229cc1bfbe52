import { HogQLError, HogQLErrorCode } from './HogQLError'

/** Kinds of HogQL tokens. Keywords are identifiers; the parser decides from context, like ANTLR's keyword rules. */
export type TokenKind = 'ident' | 'quoted' | 'string' | 'number' | 'punct' | 'eof'

/** One token with its 0-based offsets in the query text (end exclusive). */
export interface Token {
  readonly kind: TokenKind
  /** Identifier name (unquoted), string value (unescaped), number text, or punctuation. */
  readonly value: string
  readonly start: number
  readonly end: number
}

// Longest first, so `<=` wins over `<`.
const PUNCTUATION = [
  '!~*',
  '=~*',
  '->',
  '<=',
  '>=',
  '!=',
  '<>',
  '==',
  '||',
  '=~',
  '!~',
  '::',
  '??',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  ':',
  ';',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '<',
  '>',
  '?',
]

const IDENT_START = /[A-Za-z_$]/
const IDENT_PART = /[A-Za-z0-9_$]/
const DIGIT = /[0-9]/

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  b: '\b',
  f: '\f',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
}

/**
 * Splits HogQL text into tokens. Handles `--` and `/* *\/` comments, quoted identifiers (backticks and double
 * quotes), single-quoted strings with backslash escapes and doubled quotes, and numbers (int, float, exponent, hex).
 * @throws {HogQLError} `hogql_syntax_error` for an unterminated string or a character HogQL does not know.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    if (ch === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++
      continue
    }
    if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2)
      i = close === -1 ? text.length : close + 2
      continue
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      const { value, end } = readQuoted(text, i, ch)
      tokens.push({ kind: ch === "'" ? 'string' : 'quoted', value, start: i, end })
      i = end
      continue
    }
    if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(text[i + 1] ?? '') && !endsWithValue(tokens))) {
      const end = readNumber(text, i)
      tokens.push({ kind: 'number', value: text.slice(i, end), start: i, end })
      i = end
      continue
    }
    if (IDENT_START.test(ch)) {
      let end = i + 1
      while (end < text.length && IDENT_PART.test(text[end]!)) end++
      tokens.push({ kind: 'ident', value: text.slice(i, end), start: i, end })
      i = end
      continue
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, i))
    if (punct === undefined) {
      throw new HogQLError(HogQLErrorCode.syntax, `token recognition error at: '${ch}'`, { start: i, end: i + 1 })
    }
    tokens.push({ kind: 'punct', value: punct, start: i, end: i + punct.length })
    i += punct.length
  }
  tokens.push({ kind: 'eof', value: '<EOF>', start: text.length, end: text.length })
  return tokens
}

/** `a.1` is tuple access, not the float `.1`: a dot right after a value is punctuation. */
function endsWithValue(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1]
  if (last === undefined) return false
  return (
    last.kind === 'ident' ||
    last.kind === 'quoted' ||
    (last.kind === 'punct' && (last.value === ')' || last.value === ']'))
  )
}

function readQuoted(text: string, start: number, quote: string): { value: string; end: number } {
  let value = ''
  let i = start + 1
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '\\') {
      const next = text[i + 1]
      if (next === undefined) break
      value += ESCAPES[next] ?? next
      i += 2
      continue
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        value += quote
        i += 2
        continue
      }
      return { value, end: i + 1 }
    }
    value += ch
    i++
  }
  throw new HogQLError(HogQLErrorCode.syntax, `token recognition error at: '${text.slice(start)}'`, {
    start,
    end: text.length,
  })
}

function readNumber(text: string, start: number): number {
  let i = start
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
    i += 2
    while (i < text.length && /[0-9a-fA-F]/.test(text[i]!)) i++
    return i
  }
  while (i < text.length && DIGIT.test(text[i]!)) i++
  if (text[i] === '.' && DIGIT.test(text[i + 1] ?? '')) {
    i++
    while (i < text.length && DIGIT.test(text[i]!)) i++
  } else if (text[i] === '.' && !IDENT_START.test(text[i + 1] ?? '')) {
    i++
  }
  if ((text[i] === 'e' || text[i] === 'E') && /[0-9+-]/.test(text[i + 1] ?? '')) {
    i += 2
    while (i < text.length && DIGIT.test(text[i]!)) i++
  }
  return i
}
