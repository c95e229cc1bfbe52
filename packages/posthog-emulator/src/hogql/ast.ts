/** Every node carries 0-based character offsets into the query text (end exclusive), like PostHog's AST. */
export interface Span {
  start: number
  end: number
}

/** A constant: strings, numbers (kept as source text so 64-bit values stay exact), booleans, null, lists. */
export interface Constant extends Span {
  kind: 'constant'
  value: ConstantValue
}

/** Values a constant can hold; `{ number }` keeps the source digits. */
export type ConstantValue = string | { number: string } | boolean | null | ConstantValue[]

export interface Field extends Span {
  kind: 'field'
  /** `properties.$browser` is `['properties', '$browser']`; tuple/array indices are numbers. */
  chain: (string | number)[]
}

export interface Placeholder extends Span {
  kind: 'placeholder'
  /** `{ev}` is `['ev']`, `{variables.x}` is `['variables', 'x']`. */
  chain: string[]
}

export interface Call extends Span {
  kind: 'call'
  name: string
  args: Expr[]
  /** Parametric aggregates: `quantile(0.9)(x)` has params `[0.9]`. */
  params: Expr[] | null
  distinct: boolean
  over: WindowSpec | string | null
}

export interface WindowSpec extends Span {
  partitionBy: Expr[]
  orderBy: OrderExpr[]
  /** The frame clause, kept verbatim (already validated tokens), e.g. `ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`. */
  frame: string | null
}

/** Infix operators, named like the ClickHouse functions they print to. */
export type BinaryOp =
  | 'plus'
  | 'minus'
  | 'multiply'
  | 'divide'
  | 'modulo'
  | 'equals'
  | 'notEquals'
  | 'less'
  | 'lessOrEquals'
  | 'greater'
  | 'greaterOrEquals'
  | 'like'
  | 'notLike'
  | 'ilike'
  | 'notILike'
  | 'in'
  | 'notIn'
  | 'globalIn'
  | 'globalNotIn'
  | 'match'
  | 'notMatch'
  | 'imatch'
  | 'notIMatch'

export interface Binary extends Span {
  kind: 'binary'
  op: BinaryOp
  left: Expr
  right: Expr
}

export interface Logical extends Span {
  kind: 'and' | 'or'
  exprs: Expr[]
}

export interface Unary extends Span {
  kind: 'not'
  expr: Expr
}

export interface Between extends Span {
  kind: 'between'
  expr: Expr
  low: Expr
  high: Expr
  negated: boolean
}

export interface IsNull extends Span {
  kind: 'isNull'
  expr: Expr
  negated: boolean
}

export interface ListExpr extends Span {
  kind: 'tuple' | 'array'
  items: Expr[]
}

/** `x[i]`: an array element, a map value or (on a JSON field) a property; the printer decides by `x`'s type. */
export interface ArrayAccess extends Span {
  kind: 'arrayAccess'
  array: Expr
  index: Expr
  /** `x?.[i]` */
  nullish?: boolean
}

/** `x.1`: a tuple element (1-based; negative counts from the end); the printer decides by `x`'s type. */
export interface TupleAccess extends Span {
  kind: 'tupleAccess'
  tuple: Expr
  index: number
  /** `x?.1` */
  nullish?: boolean
}

export interface Lambda extends Span {
  kind: 'lambda'
  args: string[]
  body: Expr
}

export interface Alias extends Span {
  kind: 'alias'
  expr: Expr
  alias: string
}

export interface Asterisk extends Span {
  kind: 'asterisk'
  /** `events.*` has `['events']`. */
  chain: string[]
}

export interface SubqueryExpr extends Span {
  kind: 'subquery'
  query: SelectNode
}

export interface Cast extends Span {
  kind: 'cast'
  expr: Expr
  type: string
}

/** Any HogQL expression. */
export type Expr =
  | Constant
  | Field
  | Placeholder
  | Call
  | Binary
  | Logical
  | Unary
  | Between
  | IsNull
  | ListExpr
  | ArrayAccess
  | TupleAccess
  | Lambda
  | Alias
  | Asterisk
  | SubqueryExpr
  | Cast

export interface OrderExpr extends Span {
  expr: Expr
  direction: 'ASC' | 'DESC'
}

/** A table reference in FROM / JOIN. */
export type TableSource =
  | ({ kind: 'table'; chain: string[] } & Span)
  | ({ kind: 'subquery'; query: SelectNode } & Span)
  | ({ kind: 'function'; call: Call } & Span)
  | ({ kind: 'placeholder'; placeholder: Placeholder } & Span)

export type JoinType = 'INNER JOIN' | 'LEFT JOIN' | 'RIGHT JOIN' | 'FULL OUTER JOIN' | 'CROSS JOIN' | string

export interface JoinClause extends Span {
  source: TableSource
  alias: string | null
  /** null for the first FROM entry. */
  joinType: JoinType | null
  constraint: { kind: 'on' | 'using'; expr: Expr } | null
  sample: Expr | null
}

export interface Cte extends Span {
  name: string
  /** `WITH name AS (SELECT ...)` is a table; `WITH expr AS name` is a column expression. */
  query: SelectNode | null
  expr: Expr | null
}

export interface SelectQuery extends Span {
  kind: 'select'
  ctes: Cte[]
  distinct: boolean
  columns: Expr[]
  from: JoinClause[]
  arrayJoin: { kind: 'ARRAY JOIN' | 'LEFT ARRAY JOIN'; exprs: Expr[] } | null
  prewhere: Expr | null
  where: Expr | null
  groupBy: Expr[] | null
  having: Expr | null
  orderBy: OrderExpr[] | null
  limitBy: { limit: Expr; offset: Expr | null; exprs: Expr[] } | null
  limit: Expr | null
  offset: Expr | null
  withTies: boolean
}

/** A SELECT with only the given parts set; every clause not given is absent. */
export function selectQuery(parts: Pick<SelectQuery, 'columns' | 'start' | 'end'> & Partial<SelectQuery>): SelectQuery {
  return {
    kind: 'select',
    ctes: [],
    distinct: false,
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
    ...parts,
  }
}

export type SetOperator = 'UNION ALL' | 'UNION DISTINCT' | 'INTERSECT' | 'EXCEPT'

export interface SelectSet extends Span {
  kind: 'set'
  first: SelectNode
  rest: { op: SetOperator; query: SelectNode }[]
}

/** A full query: one SELECT or a set of them combined with UNION ALL and friends. */
export type SelectNode = SelectQuery | SelectSet

/** Yields each SELECT of a set, depth-first, like PostHog's `extract_select_queries`. */
export function* selectArms(node: SelectNode): Generator<SelectQuery> {
  if (node.kind === 'select') {
    yield node
    return
  }
  yield* selectArms(node.first)
  for (const part of node.rest) yield* selectArms(part.query)
}
