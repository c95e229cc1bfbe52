import type {
  BinaryOp,
  Call,
  Cte,
  Expr,
  IntervalUnit,
  JoinClause,
  OrderExpr,
  SelectNode,
  SelectQuery,
  SetOperator,
  TableSource,
  WindowSpec,
} from './ast'
import { HogQLError, HogQLErrorCode } from './HogQLError'
import { type Token, tokenize } from './tokenize'

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

const INTERVAL_UNITS: Record<string, IntervalUnit> = {
  SECOND: 'second',
  SECONDS: 'second',
  MINUTE: 'minute',
  MINUTES: 'minute',
  HOUR: 'hour',
  HOURS: 'hour',
  DAY: 'day',
  DAYS: 'day',
  WEEK: 'week',
  WEEKS: 'week',
  MONTH: 'month',
  MONTHS: 'month',
  QUARTER: 'quarter',
  QUARTERS: 'quarter',
  YEAR: 'year',
  YEARS: 'year',
}

const COMPARISON: Record<string, BinaryOp> = {
  '=': 'equals',
  '==': 'equals',
  '!=': 'notEquals',
  '<>': 'notEquals',
  '<': 'less',
  '<=': 'lessOrEquals',
  '>': 'greater',
  '>=': 'greaterOrEquals',
  '=~': 'match',
  '!~': 'notMatch',
  '=~*': 'imatch',
  '!~*': 'notIMatch',
}

/**
 * Parses a HogQL SELECT (or set of SELECTs) into an AST with source positions.
 * @throws {HogQLError} `hogql_syntax_error` with an ANTLR-like message, e.g.
 *   `mismatched input 'selec' expecting {SELECT, WITH, '{', '(', '<'}`.
 * @example parseHogQL('select event, count() from events group by event')
 */
export function parseHogQL(text: string): SelectNode {
  if (text.trim() === '') throw new HogQLError(HogQLErrorCode.syntax, 'Empty query', { start: 0, end: 0 })
  const parser = new Parser(text, tokenize(text))
  return parser.parseProgram()
}

/** Parses a single HogQL expression (HogQLMetadata with `language: "hogQLExpr"`). */
export function parseHogQLExpr(text: string): Expr {
  if (text.trim() === '') throw new HogQLError(HogQLErrorCode.syntax, 'Empty query', { start: 0, end: 0 })
  const parser = new Parser(text, tokenize(text))
  return parser.parseStandaloneExpr()
}

class Parser {
  private pos = 0

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parseProgram(): SelectNode {
    const first = this.peek()
    if (!this.isWord(first, 'SELECT') && !this.isWord(first, 'WITH') && !this.isPunct(first, '(')) {
      throw this.error(first, `mismatched input '${this.show(first)}' expecting {SELECT, WITH, '{', '(', '<'}`)
    }
    const query = this.parseSelectSet()
    this.acceptPunct(';')
    const rest = this.peek()
    if (rest.kind !== 'eof') throw this.error(rest, `extraneous input '${this.show(rest)}' expecting <EOF>`)
    return query
  }

  parseStandaloneExpr(): Expr {
    const expr = this.parseExpr()
    const rest = this.peek()
    if (rest.kind !== 'eof') throw this.error(rest, `extraneous input '${this.show(rest)}' expecting <EOF>`)
    return expr
  }

  // ---- token helpers ------------------------------------------------------------------------------------------

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!
  }

  private next(): Token {
    const token = this.peek()
    if (token.kind !== 'eof') this.pos++
    return token
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === 'ident' && token.value.toUpperCase() === word
  }

  private isPunct(token: Token, punct: string): boolean {
    return token.kind === 'punct' && token.value === punct
  }

  private acceptWord(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!this.isWord(this.peek(i), words[i]!)) return false
    this.pos += words.length
    return true
  }

  private acceptPunct(punct: string): Token | null {
    const token = this.peek()
    if (!this.isPunct(token, punct)) return null
    this.pos++
    return token
  }

  private expectWord(word: string): Token {
    const token = this.peek()
    if (!this.isWord(token, word)) throw this.error(token, `mismatched input '${this.show(token)}' expecting ${word}`)
    return this.next()
  }

  private expectPunct(punct: string): Token {
    const token = this.peek()
    if (!this.isPunct(token, punct))
      throw this.error(token, `mismatched input '${this.show(token)}' expecting '${punct}'`)
    return this.next()
  }

  private show(token: Token): string {
    return token.kind === 'eof' ? '<EOF>' : this.text.slice(token.start, token.end)
  }

  private error(token: Token, message: string): HogQLError {
    // PostHog rewords errors at the end of the input. SRC: posthog/hogql/parser.py (HogQLErrorListener).
    if (token.kind === 'eof') {
      return new HogQLError(HogQLErrorCode.syntax, 'Unexpected end of query', { start: token.start, end: token.end })
    }
    return new HogQLError(HogQLErrorCode.syntax, message, { start: token.start, end: token.end })
  }

  private prevEnd(): number {
    return this.tokens[this.pos - 1]?.end ?? 0
  }

  private isReserved(token: Token): boolean {
    return token.kind === 'ident' && RESERVED.has(token.value.toUpperCase())
  }

  private identifier(): Token {
    const token = this.peek()
    if ((token.kind === 'ident' && !this.isReserved(token)) || token.kind === 'quoted') return this.next()
    throw this.error(token, `mismatched input '${this.show(token)}' expecting identifier`)
  }

  // ---- SELECT -------------------------------------------------------------------------------------------------

  private parseSelectSet(): SelectNode {
    const start = this.peek().start
    const first = this.parseSelectUnit()
    const rest: { op: SetOperator; query: SelectNode }[] = []
    for (;;) {
      let op: SetOperator | null = null
      if (this.acceptWord('UNION', 'ALL')) op = 'UNION ALL'
      else if (this.acceptWord('UNION', 'DISTINCT')) op = 'UNION DISTINCT'
      else if (this.isWord(this.peek(), 'UNION')) {
        const token = this.peek(1)
        throw this.error(token, `mismatched input '${this.show(token)}' expecting {ALL, DISTINCT}`)
      } else if (this.acceptWord('INTERSECT')) op = 'INTERSECT'
      else if (this.acceptWord('EXCEPT')) op = 'EXCEPT'
      if (op === null) break
      rest.push({ op, query: this.parseSelectUnit() })
    }
    if (rest.length === 0) return first
    return { kind: 'set', first, rest, start, end: this.prevEnd() }
  }

  private parseSelectUnit(): SelectNode {
    if (this.acceptPunct('(')) {
      const inner = this.parseSelectSet()
      this.expectPunct(')')
      return inner
    }
    return this.parseSelect()
  }

  private parseSelect(): SelectQuery {
    const start = this.peek().start
    const ctes: Cte[] = []
    if (this.acceptWord('WITH')) {
      do ctes.push(this.parseCte())
      while (this.acceptPunct(','))
    }
    const selectToken = this.peek()
    if (!this.isWord(selectToken, 'SELECT')) {
      throw this.error(selectToken, `mismatched input '${this.show(selectToken)}' expecting SELECT`)
    }
    this.next()
    const distinct = this.acceptWord('DISTINCT')
    const columns = this.parseColumns()
    const query: SelectQuery = {
      kind: 'select',
      ctes,
      distinct,
      columns,
      from: [],
      arrayJoin: null,
      prewhere: null,
      where: null,
      groupBy: null,
      having: null,
      orderBy: null,
      limitBy: null,
      limit: null,
      offset: null,
      withTies: false,
      start,
      end: start,
    }
    if (this.acceptWord('FROM')) query.from = this.parseJoins()
    if (this.isWord(this.peek(), 'ARRAY') || (this.isWord(this.peek(), 'LEFT') && this.isWord(this.peek(1), 'ARRAY'))) {
      const kind = this.acceptWord('LEFT') ? 'LEFT ARRAY JOIN' : 'ARRAY JOIN'
      this.expectWord('ARRAY')
      this.expectWord('JOIN')
      query.arrayJoin = { kind, exprs: this.parseExprList(true) }
    }
    if (this.acceptWord('PREWHERE')) query.prewhere = this.parseExpr()
    if (this.acceptWord('WHERE')) query.where = this.parseExpr()
    if (this.acceptWord('GROUP')) {
      this.expectWord('BY')
      query.groupBy = this.parseExprList(false)
    }
    if (this.acceptWord('HAVING')) query.having = this.parseExpr()
    if (this.acceptWord('ORDER')) {
      this.expectWord('BY')
      query.orderBy = this.parseOrderList()
    }
    this.parseLimits(query)
    query.end = this.prevEnd()
    return query
  }

  private parseCte(): Cte {
    const start = this.peek().start
    // `WITH name AS (SELECT ...)` names a subquery; `WITH expr AS name` names an expression.
    if ((this.peek().kind === 'ident' || this.peek().kind === 'quoted') && this.isWord(this.peek(1), 'AS')) {
      const save = this.pos
      const name = this.next().value
      this.next()
      if (
        this.isPunct(this.peek(), '(') &&
        (this.isWord(this.peek(1), 'SELECT') || this.isWord(this.peek(1), 'WITH'))
      ) {
        this.next()
        const query = this.parseSelectSet()
        this.expectPunct(')')
        return { name, query, expr: null, start, end: this.prevEnd() }
      }
      this.pos = save
    }
    const expr = this.parseExpr()
    if (expr.kind !== 'alias')
      throw this.error(this.peek(), `mismatched input '${this.show(this.peek())}' expecting AS`)
    return { name: expr.alias, query: null, expr: expr.expr, start, end: this.prevEnd() }
  }

  private parseColumns(): Expr[] {
    const columns: Expr[] = []
    do {
      const token = this.peek()
      if (this.isReserved(token) && !this.isWord(token, 'NOT') && !this.isWord(token, 'CASE')) {
        throw this.error(token, `mismatched input '${this.show(token)}' expecting an expression`)
      }
      columns.push(this.parseExpr(true))
    } while (this.acceptPunct(','))
    return columns
  }

  private parseJoins(): JoinClause[] {
    const joins: JoinClause[] = [this.parseJoinTarget(null)]
    for (;;) {
      if (this.acceptPunct(',')) {
        joins.push(this.parseJoinTarget('CROSS JOIN'))
        continue
      }
      const joinType = this.parseJoinType()
      if (joinType === null) break
      const clause = this.parseJoinTarget(joinType)
      if (this.acceptWord('ON')) clause.constraint = { kind: 'on', expr: this.parseExpr() }
      else if (this.acceptWord('USING')) clause.constraint = { kind: 'using', expr: this.parseExprListAsTuple() }
      else if (joinType !== 'CROSS JOIN') {
        throw this.error(this.peek(), `mismatched input '${this.show(this.peek())}' expecting {ON, USING}`)
      }
      clause.end = this.prevEnd()
      joins.push(clause)
    }
    return joins
  }

  private parseJoinType(): string | null {
    const words: string[] = []
    const modifiers = new Set([
      'GLOBAL',
      'ANY',
      'ALL',
      'ASOF',
      'SEMI',
      'ANTI',
      'INNER',
      'LEFT',
      'RIGHT',
      'FULL',
      'OUTER',
      'CROSS',
    ])
    let offset = 0
    while (this.peek(offset).kind === 'ident' && modifiers.has(this.peek(offset).value.toUpperCase())) {
      // `LEFT ARRAY JOIN` is not a table join.
      words.push(this.peek(offset).value.toUpperCase())
      offset++
    }
    if (!this.isWord(this.peek(offset), 'JOIN')) return null
    this.pos += offset + 1
    if (words.length === 0 || (words.length === 1 && words[0] === 'INNER')) return 'INNER JOIN'
    const type = words.filter((w) => w !== 'OUTER')
    if (type.includes('FULL')) return 'FULL OUTER JOIN'
    return `${type.join(' ')} JOIN`
  }

  private parseJoinTarget(joinType: string | null): JoinClause {
    const start = this.peek().start
    const source = this.parseTableSource()
    this.acceptWord('FINAL')
    let sample: Expr | null = null
    if (this.acceptWord('SAMPLE')) sample = this.parseExpr()
    let alias: string | null = null
    if (this.acceptWord('AS')) alias = this.identifier().value
    else if ((this.peek().kind === 'ident' && !this.isReserved(this.peek())) || this.peek().kind === 'quoted') {
      alias = this.next().value
    }
    return { source, alias, joinType, constraint: null, sample, start, end: this.prevEnd() }
  }

  private parseTableSource(): TableSource {
    const token = this.peek()
    const start = token.start
    if (this.isPunct(token, '(')) {
      this.next()
      const query = this.parseSelectSet()
      this.expectPunct(')')
      return { kind: 'subquery', query, start, end: this.prevEnd() }
    }
    if (this.isPunct(token, '{')) {
      const placeholder = this.parsePlaceholder()
      return { kind: 'placeholder', placeholder, start, end: placeholder.end }
    }
    const chain = [this.identifier().value]
    while (this.acceptPunct('.')) chain.push(this.identifier().value)
    if (this.isPunct(this.peek(), '(') && chain.length === 1) {
      const call = this.parseCall(chain[0]!, start)
      return { kind: 'function', call, start, end: call.end }
    }
    return { kind: 'table', chain, start, end: this.prevEnd() }
  }

  private parseOrderList(): OrderExpr[] {
    const list: OrderExpr[] = []
    do {
      const expr = this.parseExpr()
      let direction: 'ASC' | 'DESC' = 'ASC'
      if (this.acceptWord('DESC') || this.acceptWord('DESCENDING')) direction = 'DESC'
      else if (!this.acceptWord('ASC')) this.acceptWord('ASCENDING')
      if (this.acceptWord('NULLS')) {
        if (!this.acceptWord('FIRST')) this.expectWord('LAST')
      }
      list.push({ expr, direction, start: expr.start, end: this.prevEnd() })
    } while (this.acceptPunct(','))
    return list
  }

  private parseLimits(query: SelectQuery): void {
    while (this.isWord(this.peek(), 'LIMIT') || this.isWord(this.peek(), 'OFFSET')) {
      if (this.acceptWord('OFFSET')) {
        query.offset = this.parseExpr()
        this.acceptWord('ROWS') || this.acceptWord('ROW')
        continue
      }
      this.next()
      let limit = this.parseExpr()
      let offset: Expr | null = null
      if (this.acceptPunct(',')) {
        offset = limit
        limit = this.parseExpr()
      } else if (this.acceptWord('OFFSET')) offset = this.parseExpr()
      if (this.acceptWord('BY')) {
        if (query.limitBy !== null) throw this.error(this.peek(), `extraneous input 'BY' expecting <EOF>`)
        query.limitBy = { limit, offset, exprs: this.parseExprList(false) }
        continue
      }
      if (this.acceptWord('WITH', 'TIES')) query.withTies = true
      query.limit = limit
      if (offset !== null) query.offset = offset
    }
  }

  private parseExprList(allowAlias: boolean): Expr[] {
    const list: Expr[] = []
    do list.push(this.parseExpr(allowAlias))
    while (this.acceptPunct(','))
    return list
  }

  private parseExprListAsTuple(): Expr {
    const start = this.peek().start
    const paren = this.acceptPunct('(')
    const items = this.parseExprList(false)
    if (paren) this.expectPunct(')')
    if (items.length === 1 && !paren) return items[0]!
    return { kind: 'tuple', items, start, end: this.prevEnd() }
  }

  // ---- expressions --------------------------------------------------------------------------------------------

  /** Full expression, with `AS alias` (and a bare alias when `implicitAlias` is set, as in a SELECT list). */
  parseExpr(implicitAlias = false): Expr {
    const expr = this.parseLambdaOrTernary()
    if (this.acceptWord('AS')) {
      const alias = this.identifierOrString()
      return { kind: 'alias', expr, alias: alias.value, start: expr.start, end: alias.end }
    }
    const token = this.peek()
    if (implicitAlias && ((token.kind === 'ident' && !this.isReserved(token)) || token.kind === 'quoted')) {
      this.next()
      return { kind: 'alias', expr, alias: token.value, start: expr.start, end: token.end }
    }
    return expr
  }

  private identifierOrString(): Token {
    if (this.peek().kind === 'string') return this.next()
    return this.identifier()
  }

  private parseLambdaOrTernary(): Expr {
    const lambda = this.tryLambda()
    if (lambda !== null) return lambda
    const condition = this.parseOr()
    if (this.acceptPunct('?')) {
      const consequent = this.parseLambdaOrTernary()
      this.expectPunct(':')
      const otherwise = this.parseLambdaOrTernary()
      return { kind: 'ternary', condition, consequent, otherwise, start: condition.start, end: otherwise.end }
    }
    return condition
  }

  private tryLambda(): Expr | null {
    const start = this.peek().start
    if (this.peek().kind === 'ident' && this.isPunct(this.peek(1), '->')) {
      const arg = this.next().value
      this.next()
      const body = this.parseExpr()
      return { kind: 'lambda', args: [arg], body, start, end: body.end }
    }
    if (this.isPunct(this.peek(), '(')) {
      let offset = 1
      const args: string[] = []
      while (this.peek(offset).kind === 'ident') {
        args.push(this.peek(offset).value)
        offset++
        if (this.isPunct(this.peek(offset), ',')) offset++
        else break
      }
      if (args.length > 0 && this.isPunct(this.peek(offset), ')') && this.isPunct(this.peek(offset + 1), '->')) {
        this.pos += offset + 2
        const body = this.parseExpr()
        return { kind: 'lambda', args, body, start, end: body.end }
      }
    }
    return null
  }

  private parseOr(): Expr {
    const first = this.parseAnd()
    const exprs = [first]
    while (this.acceptWord('OR')) exprs.push(this.parseAnd())
    if (exprs.length === 1) return first
    return { kind: 'or', exprs, start: first.start, end: exprs[exprs.length - 1]!.end }
  }

  private parseAnd(): Expr {
    const first = this.parseNot()
    const exprs = [first]
    while (this.acceptWord('AND')) exprs.push(this.parseNot())
    if (exprs.length === 1) return first
    return { kind: 'and', exprs, start: first.start, end: exprs[exprs.length - 1]!.end }
  }

  private parseNot(): Expr {
    const token = this.peek()
    if (this.isWord(token, 'NOT')) {
      this.next()
      const expr = this.parseNot()
      return { kind: 'not', expr, start: token.start, end: expr.end }
    }
    return this.parseComparison()
  }

  private parseComparison(): Expr {
    let left = this.parseAdditive()
    for (;;) {
      const token = this.peek()
      if (this.isWord(token, 'IS')) {
        this.next()
        const negated = this.acceptWord('NOT')
        this.expectWord('NULL')
        left = { kind: 'isNull', expr: left, negated, start: left.start, end: this.prevEnd() }
        continue
      }
      const negatedBetween = this.isWord(token, 'NOT') && this.isWord(this.peek(1), 'BETWEEN')
      if (this.isWord(token, 'BETWEEN') || negatedBetween) {
        this.pos += negatedBetween ? 2 : 1
        const low = this.parseAdditive()
        this.expectWord('AND')
        const high = this.parseAdditive()
        left = { kind: 'between', expr: left, low, high, negated: negatedBetween, start: left.start, end: high.end }
        continue
      }
      const op = this.parseComparisonOperator()
      if (op === null) return left
      const right = this.parseAdditive()
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end }
    }
  }

  private parseComparisonOperator(): BinaryOp | null {
    const token = this.peek()
    if (token.kind === 'punct' && COMPARISON[token.value] !== undefined) {
      this.next()
      return COMPARISON[token.value]!
    }
    if (this.acceptWord('LIKE')) return 'like'
    if (this.acceptWord('ILIKE')) return 'ilike'
    if (this.acceptWord('NOT', 'LIKE')) return 'notLike'
    if (this.acceptWord('NOT', 'ILIKE')) return 'notILike'
    if (this.acceptWord('IN')) return 'in'
    if (this.acceptWord('NOT', 'IN')) return 'notIn'
    if (this.acceptWord('GLOBAL', 'IN')) return 'globalIn'
    if (this.acceptWord('GLOBAL', 'NOT', 'IN')) return 'globalNotIn'
    return null
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative()
    for (;;) {
      const token = this.peek()
      const op: BinaryOp | null =
        token.kind !== 'punct'
          ? null
          : token.value === '+'
            ? 'plus'
            : token.value === '-'
              ? 'minus'
              : token.value === '||'
                ? 'concat'
                : null
      if (op === null) return left
      this.next()
      const right = this.parseMultiplicative()
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end }
    }
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary()
    for (;;) {
      const token = this.peek()
      const op: BinaryOp | null =
        token.kind !== 'punct'
          ? null
          : token.value === '*'
            ? 'multiply'
            : token.value === '/'
              ? 'divide'
              : token.value === '%'
                ? 'modulo'
                : null
      if (op === null) return left
      this.next()
      const right = this.parseUnary()
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end }
    }
  }

  private parseUnary(): Expr {
    const token = this.peek()
    if (this.isPunct(token, '-')) {
      this.next()
      const expr = this.parseUnary()
      if (expr.kind === 'constant' && typeof expr.value === 'object' && expr.value !== null && 'number' in expr.value) {
        return { kind: 'constant', value: { number: `-${expr.value.number}` }, start: token.start, end: expr.end }
      }
      return { kind: 'negate', expr, start: token.start, end: expr.end }
    }
    if (this.isPunct(token, '+')) {
      this.next()
      return this.parseUnary()
    }
    return this.parsePostfix(this.parseAtom())
  }

  private parsePostfix(base: Expr): Expr {
    let expr = base
    for (;;) {
      if (this.acceptPunct('[')) {
        const index = this.parseExpr()
        this.expectPunct(']')
        expr = { kind: 'arrayAccess', array: expr, index, start: expr.start, end: this.prevEnd() }
        continue
      }
      if (this.isPunct(this.peek(), '.') && expr.kind !== 'field') {
        this.next()
        const part = this.next()
        const key = part.kind === 'number' ? { number: part.value } : part.value
        const index: Expr = { kind: 'constant', value: key, start: part.start, end: part.end }
        expr = { kind: 'arrayAccess', array: expr, index, start: expr.start, end: part.end }
        continue
      }
      if (this.acceptPunct('::')) {
        const type = this.parseTypeName()
        expr = { kind: 'cast', expr, type, start: expr.start, end: this.prevEnd() }
        continue
      }
      return expr
    }
  }

  private parseTypeName(): string {
    let name = this.identifier().value
    if (this.acceptPunct('(')) {
      const parts: string[] = []
      let depth = 1
      while (depth > 0) {
        const token = this.next()
        if (token.kind === 'eof') throw this.error(token, '')
        if (this.isPunct(token, '(')) depth++
        if (this.isPunct(token, ')')) depth--
        if (depth > 0) parts.push(this.text.slice(token.start, token.end))
      }
      name += `(${parts.join(' ').replace(/ , /g, ', ')})`
    }
    return name
  }

  private parseAtom(): Expr {
    const token = this.peek()
    switch (token.kind) {
      case 'number':
        this.next()
        return { kind: 'constant', value: { number: token.value }, start: token.start, end: token.end }
      case 'string':
        this.next()
        return { kind: 'constant', value: token.value, start: token.start, end: token.end }
      case 'quoted':
        return this.parseFieldChain()
      case 'eof':
        throw this.error(token, '')
      case 'punct':
        return this.parsePunctAtom(token)
      case 'ident':
        return this.parseWordAtom(token)
      default:
        return token.kind satisfies never
    }
  }

  private parsePunctAtom(token: Token): Expr {
    if (token.value === '(') {
      if (this.isWord(this.peek(1), 'SELECT') || this.isWord(this.peek(1), 'WITH')) {
        this.next()
        const query = this.parseSelectSet()
        this.expectPunct(')')
        return { kind: 'subquery', query, start: token.start, end: this.prevEnd() }
      }
      this.next()
      const items = [this.parseExpr()]
      while (this.acceptPunct(',')) {
        if (this.isPunct(this.peek(), ')')) break
        items.push(this.parseExpr())
      }
      this.expectPunct(')')
      if (items.length === 1) return { ...items[0]!, start: items[0]!.start, end: items[0]!.end }
      return { kind: 'tuple', items, start: token.start, end: this.prevEnd() }
    }
    if (token.value === '[') {
      this.next()
      const items: Expr[] = []
      if (!this.isPunct(this.peek(), ']')) {
        do {
          if (this.isPunct(this.peek(), ']')) break
          items.push(this.parseExpr())
        } while (this.acceptPunct(','))
      }
      this.expectPunct(']')
      return { kind: 'array', items, start: token.start, end: this.prevEnd() }
    }
    if (token.value === '{') return this.parsePlaceholder()
    if (token.value === '*') {
      this.next()
      return { kind: 'asterisk', chain: [], start: token.start, end: token.end }
    }
    throw this.error(token, `no viable alternative at input '${this.show(token)}'`)
  }

  private parsePlaceholder(): Expr & { kind: 'placeholder' } {
    const open = this.expectPunct('{')
    const chain = [this.identifier().value]
    while (this.acceptPunct('.')) chain.push(this.identifier().value)
    this.expectPunct('}')
    return { kind: 'placeholder', chain, start: open.start, end: this.prevEnd() }
  }

  private parseWordAtom(token: Token): Expr {
    const upper = token.value.toUpperCase()
    const isCall = this.isPunct(this.peek(1), '(')
    if (upper === 'TRUE' || upper === 'FALSE') {
      this.next()
      return { kind: 'constant', value: upper === 'TRUE', start: token.start, end: token.end }
    }
    if (upper === 'NULL') {
      this.next()
      return { kind: 'constant', value: null, start: token.start, end: token.end }
    }
    if ((upper === 'INF' || upper === 'NAN') && !isCall) {
      this.next()
      return { kind: 'constant', value: { number: upper.toLowerCase() }, start: token.start, end: token.end }
    }
    if (upper === 'CASE') return this.parseCase()
    if (upper === 'INTERVAL' && !isCall) return this.parseInterval()
    if (upper === 'CAST' && isCall) return this.parseCast()
    if (isCall) {
      this.next()
      return this.parseCall(token.value, token.start)
    }
    if (this.isReserved(token)) throw this.error(token, `no viable alternative at input '${this.show(token)}'`)
    return this.parseFieldChain()
  }

  private parseFieldChain(): Expr {
    const first = this.next()
    const chain: (string | number)[] = [first.value]
    for (;;) {
      if (!this.isPunct(this.peek(), '.')) break
      const part = this.peek(1)
      if (this.isPunct(part, '*')) {
        this.pos += 2
        return { kind: 'asterisk', chain: chain.map(String), start: first.start, end: part.end }
      }
      if (part.kind === 'ident' || part.kind === 'quoted') chain.push(part.value)
      else if (part.kind === 'number' && /^\d+$/.test(part.value)) chain.push(Number(part.value))
      else throw this.error(part, `mismatched input '${this.show(part)}' expecting identifier`)
      this.pos += 2
    }
    return { kind: 'field', chain, start: first.start, end: this.prevEnd() }
  }

  private parseCall(name: string, start: number): Call {
    this.expectPunct('(')
    let args = this.parseCallArgs()
    let params: Expr[] | null = null
    let distinct = args.distinct
    if (this.isPunct(this.peek(), '(')) {
      this.next()
      params = args.list
      const second = this.parseCallArgs()
      args = second
      distinct = distinct || second.distinct
    }
    let over: WindowSpec | string | null = null
    if (this.acceptWord('OVER')) {
      if (this.isPunct(this.peek(), '(')) over = this.parseWindowSpec()
      else over = this.identifier().value
    }
    return { kind: 'call', name, args: args.list, params, distinct, over, start, end: this.prevEnd() }
  }

  private parseCallArgs(): { list: Expr[]; distinct: boolean } {
    const distinct = this.acceptWord('DISTINCT')
    const list: Expr[] = []
    if (!this.isPunct(this.peek(), ')')) {
      do list.push(this.parseExpr())
      while (this.acceptPunct(','))
    }
    this.expectPunct(')')
    return { list, distinct }
  }

  private parseWindowSpec(): WindowSpec {
    const open = this.expectPunct('(')
    const spec: WindowSpec = { partitionBy: [], orderBy: [], frame: null, start: open.start, end: open.end }
    if (this.acceptWord('PARTITION')) {
      this.expectWord('BY')
      spec.partitionBy = this.parseExprList(false)
    }
    if (this.acceptWord('ORDER')) {
      this.expectWord('BY')
      spec.orderBy = this.parseOrderList()
    }
    if (this.isWord(this.peek(), 'ROWS') || this.isWord(this.peek(), 'RANGE')) {
      const words: string[] = []
      while (!this.isPunct(this.peek(), ')')) {
        const token = this.next()
        if (token.kind === 'eof') throw this.error(token, '')
        if (token.kind !== 'ident' && token.kind !== 'number') {
          throw this.error(token, `no viable alternative at input '${this.show(token)}'`)
        }
        words.push(token.kind === 'ident' ? token.value.toUpperCase() : token.value)
      }
      spec.frame = words.join(' ')
    }
    this.expectPunct(')')
    spec.end = this.prevEnd()
    return spec
  }

  private parseCase(): Expr {
    const start = this.next().start
    let subject: Expr | null = null
    if (!this.isWord(this.peek(), 'WHEN')) subject = this.parseExpr()
    const whens: { when: Expr; result: Expr }[] = []
    while (this.acceptWord('WHEN')) {
      const when = this.parseExpr()
      this.expectWord('THEN')
      whens.push({ when, result: this.parseExpr() })
    }
    if (whens.length === 0) throw this.error(this.peek(), `mismatched input '${this.show(this.peek())}' expecting WHEN`)
    const otherwise = this.acceptWord('ELSE') ? this.parseExpr() : null
    this.expectWord('END')
    return { kind: 'case', subject, whens, otherwise, start, end: this.prevEnd() }
  }

  private parseInterval(): Expr {
    const start = this.next().start
    const valueToken = this.peek()
    if (valueToken.kind === 'string') {
      // INTERVAL '7 day'
      const match = /^\s*(-?\d+)\s+([A-Za-z]+)\s*$/.exec(valueToken.value)
      const unit = match ? INTERVAL_UNITS[match[2]!.toUpperCase()] : undefined
      if (!match || unit === undefined) throw this.error(valueToken, `Invalid interval '${valueToken.value}'`)
      this.next()
      const value: Expr = {
        kind: 'constant',
        value: { number: match[1]! },
        start: valueToken.start,
        end: valueToken.end,
      }
      return { kind: 'interval', value, unit, start, end: valueToken.end }
    }
    const value = this.parseUnary()
    const unitToken = this.peek()
    const unit = unitToken.kind === 'ident' ? INTERVAL_UNITS[unitToken.value.toUpperCase()] : undefined
    if (unit === undefined) {
      throw this.error(
        unitToken,
        `mismatched input '${this.show(unitToken)}' expecting {DAY, HOUR, MINUTE, MONTH, QUARTER, SECOND, WEEK, YEAR}`,
      )
    }
    this.next()
    return { kind: 'interval', value, unit, start, end: unitToken.end }
  }

  private parseCast(): Expr {
    const start = this.next().start
    this.expectPunct('(')
    const expr = this.parseLambdaOrTernary()
    if (this.acceptPunct(',')) {
      const typeToken = this.next()
      if (typeToken.kind !== 'string')
        throw this.error(typeToken, `mismatched input '${this.show(typeToken)}' expecting STRING`)
      this.expectPunct(')')
      return { kind: 'cast', expr, type: typeToken.value, start, end: this.prevEnd() }
    }
    this.expectWord('AS')
    const type = this.parseTypeName()
    this.expectPunct(')')
    return { kind: 'cast', expr, type, start, end: this.prevEnd() }
  }
}
