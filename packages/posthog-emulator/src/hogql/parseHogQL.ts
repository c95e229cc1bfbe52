import {
  type Cte,
  type Expr,
  type JoinClause,
  type SelectNode,
  type SelectQuery,
  type SetOperator,
  selectQuery,
  type TableSource,
} from './ast'
import { ExpressionParser } from './ExpressionParser'
import { HogQLError, HogQLErrorCode } from './HogQLError'
import { tokenize } from './tokenize'

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

class Parser extends ExpressionParser {
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

  protected parseSelectSet(): SelectNode {
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

  protected parseSelectUnit(): SelectNode {
    if (this.acceptPunct('(')) {
      const inner = this.parseSelectSet()
      this.expectPunct(')')
      return inner
    }
    return this.parseSelect()
  }

  protected parseSelect(): SelectQuery {
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
    const query = selectQuery({ ctes, distinct, columns, start, end: start })
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

  protected parseCte(): Cte {
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

  protected parseColumns(): Expr[] {
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

  protected parseJoins(): JoinClause[] {
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

  protected parseJoinType(): string | null {
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

  protected parseJoinTarget(joinType: string | null): JoinClause {
    const start = this.peek().start
    const source = this.parseTableSource()
    this.acceptWord('FINAL')
    let sample: Expr | null = null
    if (this.acceptWord('SAMPLE')) sample = this.parseExpr()
    let alias: string | null = null
    if (this.acceptWord('AS')) alias = this.checkAlias(this.identifier())
    else if ((this.peek().kind === 'ident' && !this.isReserved(this.peek())) || this.peek().kind === 'quoted') {
      alias = this.checkAlias(this.next())
    }
    return { source, alias, joinType, constraint: null, sample, start, end: this.prevEnd() }
  }

  protected parseTableSource(): TableSource {
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

  protected parseLimits(query: SelectQuery): void {
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
}
