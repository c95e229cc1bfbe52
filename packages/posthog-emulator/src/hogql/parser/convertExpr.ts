import type { BinaryOp, Call, ConstantValue, Expr, OrderExpr, Span, WindowSpec } from '../ast'
import { convertSelectNode } from './convertSelect'
import type { NodeReader, PostHogNode } from './PostHogNode'

const ARITHMETIC: Readonly<Record<string, BinaryOp>> = {
  '+': 'plus',
  '-': 'minus',
  '*': 'multiply',
  '/': 'divide',
  '%': 'modulo',
}

// PostHog's CompareOperationOp values as the parser prints them. SRC: PostHog/posthog `posthog/hogql/ast.py`.
const COMPARISON: Readonly<Record<string, BinaryOp>> = {
  '==': 'equals',
  '!=': 'notEquals',
  '<': 'less',
  '<=': 'lessOrEquals',
  '>': 'greater',
  '>=': 'greaterOrEquals',
  like: 'like',
  'not like': 'notLike',
  ilike: 'ilike',
  'not ilike': 'notILike',
  in: 'in',
  'not in': 'notIn',
  'global in': 'globalIn',
  'global not in': 'globalNotIn',
  '=~': 'match',
  '!~': 'notMatch',
  '=~*': 'imatch',
  '!~*': 'notIMatch',
}

// `CAST(x AS type)` / `x::type`: the parser lower-cases the type; these are the ClickHouse types it may name.
const CAST_TYPES: Readonly<Record<string, string>> = {
  string: 'String',
  text: 'String',
  varchar: 'String',
  int: 'Int64',
  integer: 'Int64',
  int8: 'Int8',
  int16: 'Int16',
  int32: 'Int32',
  int64: 'Int64',
  uint8: 'UInt8',
  uint16: 'UInt16',
  uint32: 'UInt32',
  uint64: 'UInt64',
  float: 'Float64',
  double: 'Float64',
  float32: 'Float32',
  float64: 'Float64',
  bool: 'Bool',
  boolean: 'Bool',
  date: 'Date',
  datetime: 'DateTime',
  uuid: 'UUID',
}

/**
 * Converts one expression of PostHog's AST to the emulator's typed node. Constructs the printer does not know
 * fail with "… is not supported by the emulator (at offset n)", never silently.
 */
export function convertExpr(reader: NodeReader, node: PostHogNode, fallback?: Span): Expr {
  const span = reader.span(node, fallback)
  const expr = (key: string) => convertExpr(reader, reader.node(node, key), span)
  const list = (key: string) => reader.nodes(node, key).map((child) => convertExpr(reader, child, span))
  switch (node.node) {
    case 'Constant':
      return { kind: 'constant', value: constantValue(reader, node), ...span }
    case 'Field': {
      const chain = node.chain
      if (!Array.isArray(chain) || chain.length === 0) throw reader.unsupported('A field of this shape', node, fallback)
      const parts = chain.map((part) => (typeof part === 'number' ? part : String(part)))
      if (parts[parts.length - 1] === '*') {
        const tables = parts.slice(0, -1)
        if (!tables.every((part) => typeof part === 'string')) throw reader.unsupported('This asterisk', node)
        return { kind: 'asterisk', chain: tables as string[], ...span }
      }
      return { kind: 'field', chain: parts, ...span }
    }
    case 'Placeholder': {
      const inner = reader.node(node, 'expr')
      if (inner.node !== 'Field' || !Array.isArray(inner.chain) || !inner.chain.every((p) => typeof p === 'string')) {
        throw reader.unsupported('A placeholder holding an expression', node, fallback)
      }
      return { kind: 'placeholder', chain: inner.chain as string[], ...span }
    }
    case 'Alias':
      return { kind: 'alias', expr: expr('expr'), alias: reader.string(node, 'alias'), ...span }
    case 'ArithmeticOperation': {
      const op = ARITHMETIC[reader.string(node, 'op')]
      if (op === undefined) throw reader.unsupported(`The operator ${String(node.op)}`, node, fallback)
      return { kind: 'binary', op, left: expr('left'), right: expr('right'), ...span }
    }
    case 'CompareOperation': {
      const op = COMPARISON[reader.string(node, 'op')]
      if (op === undefined) throw reader.unsupported(`The operator ${String(node.op).toUpperCase()}`, node, fallback)
      return { kind: 'binary', op, left: expr('left'), right: expr('right'), ...span }
    }
    case 'And':
    case 'Or':
      return { kind: node.node === 'And' ? 'and' : 'or', exprs: list('exprs'), ...span }
    case 'Not':
      return { kind: 'not', expr: expr('expr'), ...span }
    case 'BetweenExpr':
      return {
        kind: 'between',
        expr: expr('expr'),
        low: expr('low'),
        high: expr('high'),
        negated: reader.flag(node, 'negated'),
        ...span,
      }
    case 'Tuple':
    case 'Array':
      return { kind: node.node === 'Tuple' ? 'tuple' : 'array', items: list('exprs'), ...span }
    case 'ArrayAccess':
      return {
        kind: 'arrayAccess',
        array: expr('array'),
        index: expr('property'),
        nullish: reader.flag(node, 'nullish'),
        ...span,
      }
    case 'TupleAccess': {
      const index = node.index
      if (typeof index !== 'number') throw reader.unsupported('A tuple index of this shape', node, fallback)
      return { kind: 'tupleAccess', tuple: expr('tuple'), index, nullish: reader.flag(node, 'nullish'), ...span }
    }
    case 'Lambda': {
      const body = reader.node(node, 'expr')
      if (body.node === 'Block') throw reader.unsupported('A lambda with a Hog block body', node, fallback)
      return { kind: 'lambda', args: reader.strings(node, 'args'), body: convertExpr(reader, body, span), ...span }
    }
    case 'TypeCast': {
      const name = reader.string(node, 'type_name')
      const type = CAST_TYPES[name.toLowerCase()]
      if (type === undefined) throw reader.unsupported(`A cast to ${name}`, node, fallback)
      return { kind: 'cast', expr: expr('expr'), type, ...span }
    }
    case 'Call':
      return convertCall(reader, node, span)
    case 'WindowFunction':
      return convertWindowFunction(reader, node, span)
    case 'SelectQuery':
    case 'SelectSetQuery':
      return { kind: 'subquery', query: convertSelectNode(reader, node), ...span }
    default:
      throw reader.unsupported(describe(node.node), node, fallback)
  }
}

function describe(kind: string): string {
  switch (kind) {
    case 'Dict':
      return 'A dictionary literal ({key: value})'
    case 'ColumnsExpr':
      return 'COLUMNS(…)'
    case 'HogQLXTag':
      return 'A HogQLX tag'
    default:
      return `The construct ${kind}`
  }
}

function constantValue(reader: NodeReader, node: PostHogNode): ConstantValue {
  const value = node.value
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    // The parser's JSON holds 64-bit integers as numbers; past 2^53 JSON.parse rounds them, so read the digits.
    if (Number.isSafeInteger(value) || !Number.isInteger(value)) return { number: String(value) }
    const span = reader.span(node)
    const digits = reader.text.slice(span.start, span.end).replace(/[\s+]/g, '')
    return { number: /^-?\d+$/.test(digits) ? digits : String(value) }
  }
  if (typeof value === 'string') {
    // Integers beyond 64 bits and inf/nan come as strings tagged value_type "number", so nothing loses precision.
    if (node.value_type !== 'number') return value
    if (value === 'Infinity') return { number: 'inf' }
    if (value === '-Infinity') return { number: '-inf' }
    if (value === 'NaN') return { number: 'nan' }
    return { number: value }
  }
  throw reader.unsupported('A constant of this type', node)
}

function convertCall(reader: NodeReader, node: PostHogNode, span: Span): Expr {
  reader.rejectPresent(node, 'filter_expr', 'An aggregate FILTER (WHERE …)')
  reader.rejectPresent(node, 'order_by', 'ORDER BY inside a function call')
  reader.rejectPresent(node, 'within_group', 'WITHIN GROUP')
  const name = reader.string(node, 'name')
  const args = reader.nodes(node, 'args').map((arg) => convertExpr(reader, arg, span))
  const params =
    node.params === null || node.params === undefined
      ? null
      : reader.nodes(node, 'params').map((p) => convertExpr(reader, p, span))
  if (name === '_caseWithExpression') return caseWithSubject(args, span)
  return { kind: 'call', name, args, params, distinct: reader.flag(node, 'distinct'), over: null, ...span }
}

/**
 * `CASE x WHEN a THEN b … ELSE c END` parses to `_caseWithExpression(x, a, b, …, c)`; it means
 * `multiIf(x = a, b, …, c)`.
 */
function caseWithSubject(args: Expr[], span: Span): Call {
  const [subject, ...rest] = args
  const otherwise = rest.pop()
  const multiIfArgs: Expr[] = []
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const when = rest[i]!
    multiIfArgs.push({ kind: 'binary', op: 'equals', left: subject!, right: when, start: when.start, end: when.end })
    multiIfArgs.push(rest[i + 1]!)
  }
  if (otherwise !== undefined) multiIfArgs.push(otherwise)
  return { kind: 'call', name: 'multiIf', args: multiIfArgs, params: null, distinct: false, over: null, ...span }
}

function convertWindowFunction(reader: NodeReader, node: PostHogNode, span: Span): Call {
  const name = reader.string(node, 'name')
  // PostHog keeps `f(exprs)` and, for parametric functions `f(exprs)(args)`, the second list in `args`.
  const exprs = reader.nodes(node, 'exprs').map((e) => convertExpr(reader, e, span))
  const second = reader.nodes(node, 'args').map((e) => convertExpr(reader, e, span))
  const [args, params] = second.length > 0 ? [second, exprs] : [exprs, null]
  const identifier = reader.optionalString(node, 'over_identifier')
  const overNode = reader.optionalNode(node, 'over_expr')
  const over: WindowSpec | string = identifier ?? convertWindowExpr(reader, overNode ?? { node: 'WindowExpr' }, span)
  return { kind: 'call', name, args, params, distinct: false, over, ...span }
}

/** A window specification: `OVER (PARTITION BY … ORDER BY … ROWS BETWEEN …)` or a named window's body. */
export function convertWindowExpr(reader: NodeReader, node: PostHogNode, fallback: Span): WindowSpec {
  const span = reader.span(node, fallback)
  const partitionBy = reader.nodes(node, 'partition_by').map((e) => convertExpr(reader, e, span))
  const orderBy = convertOrderList(reader, reader.nodes(node, 'order_by'), span)
  const start = reader.optionalNode(node, 'frame_start')
  const end = reader.optionalNode(node, 'frame_end')
  let frame: string | null = null
  if (start !== null) {
    const method = reader.optionalString(node, 'frame_method') ?? 'ROWS'
    if (method !== 'ROWS' && method !== 'RANGE') throw reader.unsupported(`The window frame ${method}`, node)
    frame =
      end === null
        ? `${method} ${frameBound(reader, start)}`
        : `${method} BETWEEN ${frameBound(reader, start)} AND ${frameBound(reader, end)}`
  }
  return { partitionBy, orderBy, frame, ...span }
}

function frameBound(reader: NodeReader, node: PostHogNode): string {
  const type = reader.string(node, 'frame_type')
  if (type === 'CURRENT ROW') return type
  if (type !== 'PRECEDING' && type !== 'FOLLOWING') throw reader.unsupported(`The window frame bound ${type}`, node)
  const value = node.frame_value
  if (value === null || value === undefined) return `UNBOUNDED ${type}`
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw reader.unsupported('A window frame offset of this shape', node)
  }
  return `${value} ${type}`
}

/** `ORDER BY` items. */
export function convertOrderList(reader: NodeReader, nodes: PostHogNode[], fallback: Span): OrderExpr[] {
  return nodes.map((node) => {
    if (node.node !== 'OrderExpr') throw reader.unsupported(`${node.node} in ORDER BY`, node, fallback)
    const span = reader.span(node, fallback)
    const order = reader.optionalString(node, 'order') ?? 'ASC'
    if (order !== 'ASC' && order !== 'DESC') throw reader.unsupported(`ORDER BY … ${order}`, node, fallback)
    return { expr: convertExpr(reader, reader.node(node, 'expr'), span), direction: order, ...span }
  })
}
