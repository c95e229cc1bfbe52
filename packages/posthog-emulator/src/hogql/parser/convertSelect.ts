import {
  type Cte,
  type Expr,
  type JoinClause,
  type SelectNode,
  type SelectQuery,
  type SetOperator,
  type Span,
  selectQuery,
  type TableSource,
} from '../ast'
import { queryError } from '../HogQLError'
import { convertExpr, convertOrderList } from './convertExpr'
import type { NodeReader, PostHogNode } from './PostHogNode'

const SET_OPERATORS: ReadonlySet<string> = new Set<SetOperator>(['UNION ALL', 'UNION DISTINCT', 'INTERSECT', 'EXCEPT'])

/** Converts PostHog's `SelectQuery` / `SelectSetQuery` to the emulator's query node. */
export function convertSelectNode(reader: NodeReader, node: PostHogNode): SelectNode {
  if (node.node === 'SelectQuery') return convertSelect(reader, node)
  if (node.node !== 'SelectSetQuery') throw reader.unsupported(`The query form ${node.node}`, node)
  const span = reader.span(node)
  const first = convertSelectNode(reader, reader.node(node, 'initial_select_query'))
  const rest = reader.nodes(node, 'subsequent_select_queries').map((part) => {
    const op = reader.string(part, 'set_operator')
    if (!SET_OPERATORS.has(op)) throw reader.unsupported(op, part, span)
    return { op: op as SetOperator, query: convertSelectNode(reader, reader.node(part, 'select_query')) }
  })
  return rest.length === 0 ? first : { kind: 'set', first, rest, ...span }
}

function convertSelect(reader: NodeReader, node: PostHogNode): SelectQuery {
  const span = reader.span(node)
  const expr = (child: PostHogNode) => convertExpr(reader, child, span)
  const optional = (key: string) => {
    const child = reader.optionalNode(node, key)
    return child === null ? null : expr(child)
  }
  reader.rejectPresent(node, 'qualify', 'QUALIFY')
  reader.rejectPresent(node, 'window_exprs', 'A WINDOW clause')
  reader.rejectPresent(node, 'group_by_mode', 'GROUP BY ROLLUP/CUBE/GROUPING SETS')
  reader.rejectPresent(node, 'settings', 'SETTINGS')
  reader.rejectPresent(node, 'view_name', 'A view definition')
  const query = selectQuery({
    columns: reader.nodes(node, 'select').map(expr),
    distinct: reader.flag(node, 'distinct'),
    ctes: convertCtes(reader, node, span),
    from: convertJoins(reader, reader.optionalNode(node, 'select_from')),
    prewhere: optional('prewhere'),
    where: optional('where'),
    having: optional('having'),
    limit: optional('limit'),
    offset: optional('offset'),
    withTies: reader.flag(node, 'limit_with_ties'),
    ...span,
  })
  const arrayJoinOp = reader.optionalString(node, 'array_join_op')
  if (arrayJoinOp !== null) {
    if (arrayJoinOp !== 'ARRAY JOIN' && arrayJoinOp !== 'LEFT ARRAY JOIN') throw reader.unsupported(arrayJoinOp, node)
    query.arrayJoin = { kind: arrayJoinOp, exprs: reader.nodes(node, 'array_join_list').map(expr) }
  }
  if (node.group_by !== null && node.group_by !== undefined) query.groupBy = reader.nodes(node, 'group_by').map(expr)
  if (node.order_by !== null && node.order_by !== undefined) {
    query.orderBy = convertOrderList(reader, reader.nodes(node, 'order_by'), span)
  }
  const limitBy = reader.optionalNode(node, 'limit_by')
  if (limitBy !== null) {
    const offset = reader.optionalNode(limitBy, 'offset_value')
    query.limitBy = {
      limit: expr(reader.node(limitBy, 'n')),
      offset: offset === null ? null : expr(offset),
      exprs: reader.nodes(limitBy, 'exprs').map(expr),
    }
  }
  return query
}

function convertCtes(reader: NodeReader, node: PostHogNode, fallback: Span): Cte[] {
  const value = node.ctes
  if (value === null || value === undefined) return []
  // Older parser builds print CTEs as an object keyed by name, newer ones as a list.
  const list = Array.isArray(value)
    ? reader.nodes(node, 'ctes')
    : reader.nodes({ node: 'ctes', list: Object.values(value) }, 'list')
  return list.map((cte) => {
    const span = reader.span(cte, fallback)
    reader.rejectPresent(cte, 'columns', 'CTE column lists')
    reader.rejectPresent(cte, 'materialized', 'MATERIALIZED CTEs')
    reader.rejectPresent(cte, 'using_key', 'Recursive CTEs')
    const name = reader.string(cte, 'name')
    const body = reader.node(cte, 'expr')
    if (cte.cte_type === 'subquery') return { name, query: convertSelectNode(reader, body), expr: null, ...span }
    return { name, query: null, expr: convertExpr(reader, body, span), ...span }
  })
}

function convertJoins(reader: NodeReader, first: PostHogNode | null): JoinClause[] {
  const joins: JoinClause[] = []
  let node = first
  while (node !== null) {
    if (node.node !== 'JoinExpr') throw reader.unsupported(`${node.node} in FROM`, node)
    joins.push(convertJoin(reader, node, joins.length === 0))
    node = reader.optionalNode(node, 'next_join')
  }
  return joins
}

function convertJoin(reader: NodeReader, node: PostHogNode, isFirst: boolean): JoinClause {
  const span = reader.span(node)
  reader.rejectPresent(node, 'column_aliases', 'Column aliases on a table (AS t(a, b))')
  if (reader.flag(node, 'table_final')) {
    // PostHog's own refusal. SRC: PostHog/posthog `posthog/hogql/printer/base.py` (visit_join_expr).
    throw queryError('The FINAL keyword is not supported in HogQL as it causes slow queries', span)
  }
  const joinType = reader.optionalString(node, 'join_type')
  const constraintNode = reader.optionalNode(node, 'constraint')
  let constraint: JoinClause['constraint'] = null
  if (constraintNode !== null) {
    const type = reader.string(constraintNode, 'constraint_type')
    if (type !== 'ON' && type !== 'USING') throw reader.unsupported(`JOIN … ${type}`, constraintNode, span)
    const expr = convertExpr(reader, reader.node(constraintNode, 'expr'), span)
    constraint = { kind: type === 'ON' ? 'on' : 'using', expr }
  }
  return {
    source: convertTable(reader, node, span),
    alias: reader.optionalString(node, 'alias'),
    joinType: isFirst ? null : (joinType ?? 'CROSS JOIN'),
    constraint,
    sample: convertSample(reader, reader.optionalNode(node, 'sample'), span),
    ...span,
  }
}

function convertTable(reader: NodeReader, join: PostHogNode, fallback: Span): TableSource {
  const table = reader.node(join, 'table')
  const span = reader.span(table, fallback)
  switch (table.node) {
    case 'Field': {
      const chain = reader.strings(table, 'chain')
      const args = join.table_args
      if (args === null || args === undefined) return { kind: 'table', chain, ...span }
      const call = {
        kind: 'call' as const,
        name: chain.join('.'),
        args: reader.nodes(join, 'table_args').map((arg) => convertExpr(reader, arg, span)),
        params: null,
        distinct: false,
        over: null,
        ...span,
      }
      return { kind: 'function', call, ...span }
    }
    case 'SelectQuery':
    case 'SelectSetQuery':
      return { kind: 'subquery', query: convertSelectNode(reader, table), ...span }
    case 'Placeholder': {
      const placeholder = convertExpr(reader, table, span)
      if (placeholder.kind !== 'placeholder') throw reader.unsupported('This table placeholder', table, span)
      return { kind: 'placeholder', placeholder, ...span }
    }
    default:
      throw reader.unsupported(`${table.node} as a table`, table, span)
  }
}

function convertSample(reader: NodeReader, sample: PostHogNode | null, fallback: Span): Expr | null {
  if (sample === null) return null
  reader.rejectPresent(sample, 'offset_value', 'SAMPLE … OFFSET')
  const ratio = reader.node(sample, 'sample_value')
  reader.rejectPresent(ratio, 'right', 'A SAMPLE ratio written as a fraction')
  return convertExpr(reader, reader.node(ratio, 'left'), fallback)
}
