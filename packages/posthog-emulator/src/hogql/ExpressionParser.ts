import { AtomParser } from './AtomParser'
import type { BinaryOp, Expr, OrderExpr } from './ast'
import type { Token } from './tokenize'

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
 * Expression grammar of HogQL (precedence climbing, lowest first: alias, lambda/ternary, OR, AND, NOT, comparison,
 * additive, multiplicative, unary, postfix, atom). Subqueries call back into the SELECT grammar.
 */
export abstract class ExpressionParser extends AtomParser {
  protected parseExprList(allowAlias: boolean): Expr[] {
    const list: Expr[] = []
    do list.push(this.parseExpr(allowAlias))
    while (this.acceptPunct(','))
    return list
  }

  protected parseExprListAsTuple(): Expr {
    const start = this.peek().start
    const paren = this.acceptPunct('(')
    const items = this.parseExprList(false)
    if (paren) this.expectPunct(')')
    if (items.length === 1 && !paren) return items[0]!
    return { kind: 'tuple', items, start, end: this.prevEnd() }
  }

  protected parseOrderList(): OrderExpr[] {
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

  /** Full expression, with `AS alias` (and a bare alias when `implicitAlias` is set, as in a SELECT list). */
  parseExpr(implicitAlias = false): Expr {
    const expr = this.parseLambdaOrTernary()
    if (this.acceptWord('AS')) {
      const alias = this.identifierOrString()
      return { kind: 'alias', expr, alias: this.checkAlias(alias), start: expr.start, end: alias.end }
    }
    const token = this.peek()
    if (implicitAlias && ((token.kind === 'ident' && !this.isReserved(token)) || token.kind === 'quoted')) {
      this.next()
      return { kind: 'alias', expr, alias: this.checkAlias(token), start: expr.start, end: token.end }
    }
    return expr
  }

  protected identifierOrString(): Token {
    if (this.peek().kind === 'string') return this.next()
    return this.identifier()
  }

  protected parseLambdaOrTernary(): Expr {
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

  protected tryLambda(): Expr | null {
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

  protected parseOr(): Expr {
    const first = this.parseAnd()
    const exprs = [first]
    while (this.acceptWord('OR')) exprs.push(this.parseAnd())
    if (exprs.length === 1) return first
    return { kind: 'or', exprs, start: first.start, end: exprs[exprs.length - 1]!.end }
  }

  protected parseAnd(): Expr {
    const first = this.parseNot()
    const exprs = [first]
    while (this.acceptWord('AND')) exprs.push(this.parseNot())
    if (exprs.length === 1) return first
    return { kind: 'and', exprs, start: first.start, end: exprs[exprs.length - 1]!.end }
  }

  protected parseNot(): Expr {
    const token = this.peek()
    if (this.isWord(token, 'NOT')) {
      this.next()
      const expr = this.parseNot()
      return { kind: 'not', expr, start: token.start, end: expr.end }
    }
    return this.parseComparison()
  }

  protected parseComparison(): Expr {
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

  protected parseComparisonOperator(): BinaryOp | null {
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

  protected parseAdditive(): Expr {
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

  protected parseMultiplicative(): Expr {
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

  protected parseUnary(): Expr {
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

  protected parsePostfix(base: Expr): Expr {
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
}
