import type { BinaryOp, Expr, JoinClause, OrderExpr, SelectNode, SelectQuery, TableSource } from './ast'
import { printConstant, quoteHogQLIdentifier as q } from './sqlText'

const BINARY_TEXT: Record<BinaryOp, string> = {
  plus: '+',
  minus: '-',
  multiply: '*',
  divide: '/',
  modulo: '%',
  equals: '=',
  notEquals: '!=',
  less: '<',
  lessOrEquals: '<=',
  greater: '>',
  greaterOrEquals: '>=',
  like: 'LIKE',
  notLike: 'NOT LIKE',
  ilike: 'ILIKE',
  notILike: 'NOT ILIKE',
  in: 'IN',
  notIn: 'NOT IN',
  globalIn: 'GLOBAL IN',
  globalNotIn: 'GLOBAL NOT IN',
  match: '=~',
  notMatch: '!~',
  imatch: '=~*',
  notIMatch: '!~*',
}

function precedence(expr: Expr): number {
  switch (expr.kind) {
    case 'alias':
      return 0
    case 'lambda':
      return 1
    case 'or':
      return 2
    case 'and':
      return 3
    case 'not':
      return 4
    case 'between':
    case 'isNull':
      return 5
    case 'binary':
      if (expr.op === 'plus' || expr.op === 'minus') return 6
      if (expr.op === 'multiply' || expr.op === 'divide' || expr.op === 'modulo') return 7
      return 5
    default:
      return 9
  }
}

/**
 * Prints HogQL back as PostHog shows it in the response's `hogql` field: keywords upper case, `ASC` explicit,
 * placeholders already replaced by their values, and the LIMIT the server applied.
 * @example printHogQL(parseHogQL('select event from events')) // 'SELECT event FROM events'
 */
export function printHogQL(node: SelectNode): string {
  if (node.kind === 'select') return printSelect(node)
  const part = (n: SelectNode) => (n.kind === 'set' ? `(${printHogQL(n)})` : printHogQL(n))
  return [part(node.first), ...node.rest.map((r) => `${r.op} ${part(r.query)}`)].join(' ')
}

function printSelect(query: SelectQuery): string {
  const parts: string[] = []
  if (query.ctes.length > 0) {
    const ctes = query.ctes.map((cte) =>
      cte.query !== null
        ? `${q(cte.name)} AS (${printHogQL(cte.query)})`
        : `${printHogQLExpr(cte.expr!)} AS ${q(cte.name)}`,
    )
    parts.push(`WITH ${ctes.join(', ')}`)
  }
  parts.push(`SELECT${query.distinct ? ' DISTINCT' : ''} ${query.columns.map(printHogQLExpr).join(', ')}`)
  if (query.from.length > 0) parts.push(`FROM ${query.from.map(printJoin).join(' ')}`)
  if (query.arrayJoin) parts.push(`${query.arrayJoin.kind} ${query.arrayJoin.exprs.map(printHogQLExpr).join(', ')}`)
  if (query.prewhere) parts.push(`PREWHERE ${printHogQLExpr(query.prewhere)}`)
  if (query.where) parts.push(`WHERE ${printHogQLExpr(query.where)}`)
  if (query.groupBy) parts.push(`GROUP BY ${query.groupBy.map(printHogQLExpr).join(', ')}`)
  if (query.having) parts.push(`HAVING ${printHogQLExpr(query.having)}`)
  if (query.orderBy) parts.push(`ORDER BY ${printOrder(query.orderBy)}`)
  if (query.limitBy) {
    const offset = query.limitBy.offset ? ` OFFSET ${printHogQLExpr(query.limitBy.offset)}` : ''
    parts.push(
      `LIMIT ${printHogQLExpr(query.limitBy.limit)}${offset} BY ${query.limitBy.exprs.map(printHogQLExpr).join(', ')}`,
    )
  }
  if (query.limit) parts.push(`LIMIT ${printHogQLExpr(query.limit)}${query.withTies ? ' WITH TIES' : ''}`)
  if (query.offset) parts.push(`OFFSET ${printHogQLExpr(query.offset)}`)
  return parts.join(' ')
}

function printOrder(list: OrderExpr[]): string {
  return list.map((o) => `${printHogQLExpr(o.expr)} ${o.direction}`).join(', ')
}

function printJoin(clause: JoinClause, index: number): string {
  const source = printSource(clause.source)
  const alias = clause.alias === null ? '' : ` AS ${q(clause.alias)}`
  const sample = clause.sample ? ` SAMPLE ${printHogQLExpr(clause.sample)}` : ''
  if (index === 0 || clause.joinType === null) return `${source}${alias}${sample}`
  const constraint =
    clause.constraint === null
      ? ''
      : ` ${clause.constraint.kind.toUpperCase()} ${printHogQLExpr(clause.constraint.expr)}`
  return `${clause.joinType} ${source}${alias}${sample}${constraint}`
}

function printSource(source: TableSource): string {
  switch (source.kind) {
    case 'table':
      return source.chain.map(q).join('.')
    case 'subquery':
      return `(${printHogQL(source.query)})`
    case 'function':
      return printHogQLExpr(source.call)
    case 'placeholder':
      return printHogQLExpr(source.placeholder)
    default:
      return source satisfies never
  }
}

function wrap(child: Expr, parentPrecedence: number, strict = false): string {
  const text = printHogQLExpr(child)
  const p = precedence(child)
  return p < parentPrecedence || (strict && p === parentPrecedence) ? `(${text})` : text
}

/** Prints one HogQL expression. */
export function printHogQLExpr(expr: Expr): string {
  const p = precedence(expr)
  switch (expr.kind) {
    case 'constant':
      return printConstant(expr.value)
    case 'field':
      return expr.chain.map((part) => (typeof part === 'number' ? String(part) : q(part))).join('.')
    case 'placeholder':
      return `{${expr.chain.join('.')}}`
    case 'call': {
      const params = expr.params === null ? '' : `(${expr.params.map(printHogQLExpr).join(', ')})`
      const args = expr.args.map(printHogQLExpr).join(', ')
      const over =
        expr.over === null
          ? ''
          : typeof expr.over === 'string'
            ? ` OVER ${q(expr.over)}`
            : ` OVER (${[
                expr.over.partitionBy.length > 0
                  ? `PARTITION BY ${expr.over.partitionBy.map(printHogQLExpr).join(', ')}`
                  : '',
                expr.over.orderBy.length > 0 ? `ORDER BY ${printOrder(expr.over.orderBy)}` : '',
                expr.over.frame ?? '',
              ]
                .filter((s) => s !== '')
                .join(' ')})`
      return `${expr.name}${params}(${expr.distinct ? 'DISTINCT ' : ''}${args})${over}`
    }
    case 'binary':
      return `${wrap(expr.left, p)} ${BINARY_TEXT[expr.op]} ${wrap(expr.right, p, true)}`
    case 'and':
    case 'or':
      return expr.exprs.map((e) => wrap(e, p, true)).join(expr.kind === 'and' ? ' AND ' : ' OR ')
    case 'not':
      return `NOT ${wrap(expr.expr, p)}`
    case 'between':
      return `${wrap(expr.expr, p, true)} ${expr.negated ? 'NOT ' : ''}BETWEEN ${wrap(expr.low, 6)} AND ${wrap(expr.high, 6)}`
    case 'isNull':
      return `${wrap(expr.expr, p, true)} IS ${expr.negated ? 'NOT ' : ''}NULL`
    case 'tuple':
      return `(${expr.items.map(printHogQLExpr).join(', ')}${expr.items.length === 1 ? ',' : ''})`
    case 'array':
      return `[${expr.items.map(printHogQLExpr).join(', ')}]`
    case 'arrayAccess':
      return `${wrap(expr.array, 9)}${expr.nullish ? '?.' : ''}[${printHogQLExpr(expr.index)}]`
    case 'tupleAccess':
      return `${wrap(expr.tuple, 9)}${expr.nullish ? '?.' : '.'}${expr.index}`
    case 'lambda':
      return `${expr.args.length === 1 ? q(expr.args[0]!) : `(${expr.args.map(q).join(', ')})`} -> ${printHogQLExpr(expr.body)}`
    case 'alias':
      return `${wrap(expr.expr, 1)} AS ${q(expr.alias)}`
    case 'asterisk':
      return [...expr.chain.map(q), '*'].join('.')
    case 'subquery':
      return `(${printHogQL(expr.query)})`
    case 'cast':
      return `CAST(${printHogQLExpr(expr.expr)} AS ${expr.type})`
    default:
      return expr satisfies never
  }
}
