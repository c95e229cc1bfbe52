import { HogQLError, HogQLErrorCode } from './HogQLError'
import type { Token } from './tokenize'

/**
 * Words that end an expression or start a clause, so they cannot be bare column names or implicit aliases
 * (HogQL's ANTLR grammar reserves them the same way).
 */
const RESERVED = new Set(
  (
    'ALL AND ANTI ANY ARRAY AS ASC ASOF BETWEEN BY CASE CROSS DESC DISTINCT ELSE END EXCEPT FINAL FORMAT FROM FULL ' +
    'GLOBAL GROUP HAVING ILIKE IN INNER INTERSECT IS JOIN LEFT LIKE LIMIT NOT NULLS OFFSET ON OR ORDER OUTER OVER ' +
    'PARTITION PREWHERE QUALIFY RIGHT SAMPLE SELECT SEMI SETTINGS THEN UNION USING WHEN WHERE WINDOW WITH'
  ).split(' '),
)

/** Token access, keyword tests and ANTLR-like errors shared by the HogQL parsers. */
export class TokenCursor {
  protected pos = 0

  constructor(
    protected readonly text: string,
    protected readonly tokens: Token[],
  ) {}

  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!
  }

  protected next(): Token {
    const token = this.peek()
    if (token.kind !== 'eof') this.pos++
    return token
  }

  protected isWord(token: Token, word: string): boolean {
    return token.kind === 'ident' && token.value.toUpperCase() === word
  }

  protected isPunct(token: Token, punct: string): boolean {
    return token.kind === 'punct' && token.value === punct
  }

  protected acceptWord(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!this.isWord(this.peek(i), words[i]!)) return false
    this.pos += words.length
    return true
  }

  protected acceptPunct(punct: string): Token | null {
    const token = this.peek()
    if (!this.isPunct(token, punct)) return null
    this.pos++
    return token
  }

  protected expectWord(word: string): Token {
    const token = this.peek()
    if (!this.isWord(token, word)) throw this.error(token, `mismatched input '${this.show(token)}' expecting ${word}`)
    return this.next()
  }

  protected expectPunct(punct: string): Token {
    const token = this.peek()
    if (!this.isPunct(token, punct))
      throw this.error(token, `mismatched input '${this.show(token)}' expecting '${punct}'`)
    return this.next()
  }

  protected show(token: Token): string {
    return token.kind === 'eof' ? '<EOF>' : this.text.slice(token.start, token.end)
  }

  protected error(token: Token, message: string): HogQLError {
    // PostHog rewords errors at the end of the input. SRC: posthog/hogql/parser.py (HogQLErrorListener).
    if (token.kind === 'eof') {
      return new HogQLError(HogQLErrorCode.syntax, 'Unexpected end of query', { start: token.start, end: token.end })
    }
    return new HogQLError(HogQLErrorCode.syntax, message, { start: token.start, end: token.end })
  }

  protected prevEnd(): number {
    return this.tokens[this.pos - 1]?.end ?? 0
  }

  protected isReserved(token: Token): boolean {
    return token.kind === 'ident' && RESERVED.has(token.value.toUpperCase())
  }

  protected identifier(): Token {
    const token = this.peek()
    if ((token.kind === 'ident' && !this.isReserved(token)) || token.kind === 'quoted') return this.next()
    throw this.error(token, `mismatched input '${this.show(token)}' expecting identifier`)
  }

  /**
   * PostHog's RESERVED_KEYWORDS (`true`, `false`, `null`, `team_id`) cannot be aliases.
   * SRC: PostHog/posthog `posthog/hogql/constants.py`, `posthog/hogql/parser.py`.
   */
  protected checkAlias(token: Token): string {
    if (['true', 'false', 'null', 'team_id'].includes(token.value.toLowerCase())) {
      throw new HogQLError(
        HogQLErrorCode.syntax,
        `"${token.value}" cannot be an alias or identifier, as it's a reserved keyword`,
        {
          start: token.start,
          end: token.end,
        },
      )
    }
    return token.value
  }
}
