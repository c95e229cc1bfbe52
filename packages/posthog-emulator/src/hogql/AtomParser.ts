import type { Call, Expr, IntervalUnit, OrderExpr, SelectNode, WindowSpec } from './ast'
import { TokenCursor } from './TokenCursor'
import type { Token } from './tokenize'

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

/** Atoms of HogQL expressions: literals, fields, calls (with windows), CASE, INTERVAL, CAST, lists and subqueries. */
export abstract class AtomParser extends TokenCursor {
  protected abstract parseSelectSet(): SelectNode
  abstract parseExpr(implicitAlias?: boolean): Expr
  protected abstract parseLambdaOrTernary(): Expr
  protected abstract parseUnary(): Expr
  protected abstract parseExprList(allowAlias: boolean): Expr[]
  protected abstract parseOrderList(): OrderExpr[]

  protected parseTypeName(): string {
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

  protected parseAtom(): Expr {
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

  protected parsePunctAtom(token: Token): Expr {
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

  protected parsePlaceholder(): Expr & { kind: 'placeholder' } {
    const open = this.expectPunct('{')
    const chain = [this.identifier().value]
    while (this.acceptPunct('.')) chain.push(this.identifier().value)
    this.expectPunct('}')
    return { kind: 'placeholder', chain, start: open.start, end: this.prevEnd() }
  }

  protected parseWordAtom(token: Token): Expr {
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

  protected parseFieldChain(): Expr {
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

  protected parseCall(name: string, start: number): Call {
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

  protected parseCallArgs(): { list: Expr[]; distinct: boolean } {
    const distinct = this.acceptWord('DISTINCT')
    const list: Expr[] = []
    if (!this.isPunct(this.peek(), ')')) {
      do list.push(this.parseExpr())
      while (this.acceptPunct(','))
    }
    this.expectPunct(')')
    return { list, distinct }
  }

  protected parseWindowSpec(): WindowSpec {
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

  protected parseCase(): Expr {
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

  protected parseInterval(): Expr {
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

  protected parseCast(): Expr {
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
