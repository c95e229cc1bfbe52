import type { Expr, JoinClause, SelectNode, SelectQuery, TableSource } from './ast'

type Fn = (expr: Expr) => Expr

/**
 * Rewrites every expression of a query bottom-up (children first), including those inside subqueries and CTEs.
 * Used to replace `{placeholders}` before resolution, as PostHog's `replace_placeholders` does.
 */
export function transformExprs(node: SelectNode, fn: Fn): SelectNode {
  if (node.kind === 'set') {
    return {
      ...node,
      first: transformExprs(node.first, fn),
      rest: node.rest.map((r) => ({ ...r, query: transformExprs(r.query, fn) })),
    }
  }
  return transformSelect(node, fn)
}

function transformSelect(query: SelectQuery, fn: Fn): SelectQuery {
  const e = (expr: Expr) => transformExpr(expr, fn)
  const opt = (expr: Expr | null) => (expr === null ? null : e(expr))
  return {
    ...query,
    ctes: query.ctes.map((cte) => ({
      ...cte,
      query: cte.query === null ? null : transformExprs(cte.query, fn),
      expr: opt(cte.expr),
    })),
    columns: query.columns.map(e),
    from: query.from.map((clause) => transformJoin(clause, fn)),
    arrayJoin: query.arrayJoin === null ? null : { ...query.arrayJoin, exprs: query.arrayJoin.exprs.map(e) },
    prewhere: opt(query.prewhere),
    where: opt(query.where),
    groupBy: query.groupBy === null ? null : query.groupBy.map(e),
    having: opt(query.having),
    orderBy: query.orderBy === null ? null : query.orderBy.map((o) => ({ ...o, expr: e(o.expr) })),
    limitBy:
      query.limitBy === null
        ? null
        : { limit: e(query.limitBy.limit), offset: opt(query.limitBy.offset), exprs: query.limitBy.exprs.map(e) },
    limit: opt(query.limit),
    offset: opt(query.offset),
  }
}

function transformJoin(clause: JoinClause, fn: Fn): JoinClause {
  return {
    ...clause,
    source: transformSource(clause.source, fn),
    constraint:
      clause.constraint === null ? null : { ...clause.constraint, expr: transformExpr(clause.constraint.expr, fn) },
    sample: clause.sample === null ? null : transformExpr(clause.sample, fn),
  }
}

function transformSource(source: TableSource, fn: Fn): TableSource {
  switch (source.kind) {
    case 'table':
      return source
    case 'subquery':
      return { ...source, query: transformExprs(source.query, fn) }
    case 'function': {
      const call = transformExpr(source.call, fn)
      return call.kind === 'call' ? { ...source, call } : source
    }
    case 'placeholder':
      return source
    default:
      return source satisfies never
  }
}

/** Rewrites one expression tree bottom-up. */
export function transformExpr(expr: Expr, fn: Fn): Expr {
  const e = (child: Expr) => transformExpr(child, fn)
  switch (expr.kind) {
    case 'constant':
    case 'field':
    case 'placeholder':
    case 'asterisk':
      return fn(expr)
    case 'call':
      return fn({
        ...expr,
        args: expr.args.map(e),
        params: expr.params === null ? null : expr.params.map(e),
        over:
          expr.over === null || typeof expr.over === 'string'
            ? expr.over
            : {
                ...expr.over,
                partitionBy: expr.over.partitionBy.map(e),
                orderBy: expr.over.orderBy.map((o) => ({ ...o, expr: e(o.expr) })),
              },
      })
    case 'binary':
      return fn({ ...expr, left: e(expr.left), right: e(expr.right) })
    case 'and':
    case 'or':
      return fn({ ...expr, exprs: expr.exprs.map(e) })
    case 'not':
      return fn({ ...expr, expr: e(expr.expr) })
    case 'between':
      return fn({ ...expr, expr: e(expr.expr), low: e(expr.low), high: e(expr.high) })
    case 'isNull':
      return fn({ ...expr, expr: e(expr.expr) })
    case 'tuple':
    case 'array':
      return fn({ ...expr, items: expr.items.map(e) })
    case 'arrayAccess':
      return fn({ ...expr, array: e(expr.array), index: e(expr.index) })
    case 'tupleAccess':
      return fn({ ...expr, tuple: e(expr.tuple) })
    case 'lambda':
      return fn({ ...expr, body: e(expr.body) })
    case 'alias':
      return fn({ ...expr, expr: e(expr.expr) })
    case 'subquery':
      return fn({ ...expr, query: transformExprs(expr.query, fn) })
    case 'cast':
      return fn({ ...expr, expr: e(expr.expr) })
    default:
      return expr satisfies never
  }
}
