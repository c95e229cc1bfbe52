import type { Call, Expr, OrderExpr, SelectNode, SelectQuery } from './ast'
import { columnName } from './columnName'
import { queryError } from './HogQLError'
import { printCall } from './printCall'
import { printConstraint, printFrom, registerTable } from './printFromClause'
import { printSubscript } from './printSubscript'
import { resolveField } from './resolveField'
import type { Printed, ScopeTable } from './Scope'
import { Scope } from './Scope'
import { printConstant, quoteClickHouseIdentifier as q, quoteString } from './sqlText'
import { arrayOf, constantType, typeOf, UNKNOWN_TYPE, type ValueType } from './valueType'

/** Where and for whom a query is printed. */
export interface PrintContext {
  teamId: number
  /** Project time zone: DateTime fields are converted to it, like PostHog's `convertToProjectTimezone`. */
  timezone: string
  /** ClickHouse database of the dataset; `null` prints bare table names (the `clickhouse` field of the response). */
  database: string | null
}

/** Output of printing a top-level query. */
export interface PrintedSelect {
  sql: string
  /** Column names PostHog reports: the alias, the last part of a field chain, or the HogQL text. */
  columns: string[]
}

/**
 * Resolves a HogQL AST against the emulator's schema and prints ClickHouse SQL: fields become qualified columns,
 * properties become JSON extraction, lazy fields (`person`, `group_0`, `session`) become LEFT JOINs, every dataset
 * table is filtered to the team, and operators print as ClickHouse functions (`equals(a, b)`), as PostHog prints them.
 * @throws {HogQLError} `hogql_query_error` for unknown tables, fields and functions.
 */
export function printClickHouse(node: SelectNode, context: PrintContext): PrintedSelect {
  const printer = new ClickHousePrinter(context)
  return printer.printTop(node)
}

export class ClickHousePrinter {
  constructor(readonly context: PrintContext) {}

  /** Off while printing a JOIN constraint: PostHog adds no null checks there (ClickHouse rejects `ifNull` in ON). */
  nullChecks = true

  printTop(node: SelectNode): PrintedSelect {
    const columns: string[] = []
    const sql = this.printSelectNode(node, null, columns)
    return { sql, columns }
  }

  /** Prints a SELECT or set; fills `columns` with the first arm's output names and `types` with their types. */
  printSelectNode(node: SelectNode, parent: Scope | null, columns: string[] = [], types: ValueType[] = []): string {
    if (node.kind === 'select') return this.printSelect(node, parent, columns, types)
    const parts = [this.printSetPart(node.first, parent, columns, types)]
    for (const part of node.rest) parts.push(`${part.op} ${this.printSetPart(part.query, parent, [], [])}`)
    return parts.join(' ')
  }

  private printSetPart(node: SelectNode, parent: Scope | null, columns: string[], types: ValueType[]): string {
    const sql = this.printSelectNode(node, parent, columns, types)
    return node.kind === 'set' ? `(${sql})` : sql
  }

  private printSelect(query: SelectQuery, parent: Scope | null, columns: string[], types: ValueType[]): string {
    const scope = new Scope(parent)
    const withParts: string[] = []
    for (const cte of query.ctes) {
      if (cte.query !== null) scope.tableCtes.set(cte.name, cte)
      else if (cte.expr !== null) {
        const printed = this.print(cte.expr, scope)
        withParts.push(`${printed.sql} AS ${q(cte.name)}`)
        scope.exprCtes.set(cte.name, typeOf(printed))
      }
    }
    const fromParts = query.from.map((clause) => registerTable(this, clause, scope))
    for (const column of query.columns) {
      if (column.kind === 'alias') scope.columnAliases.set(column.alias, UNKNOWN_TYPE)
    }

    // ARRAY JOIN names (`ARRAY JOIN arr AS x`) are visible to the columns, with the array's element type.
    const arrayJoin = query.arrayJoin
      ? ` ${query.arrayJoin.kind} ${query.arrayJoin.exprs.map((e) => this.printAliased(e, scope, true)).join(', ')}`
      : ''
    const selectParts: string[] = []
    for (const column of query.columns) {
      if (column.kind === 'asterisk') {
        for (const { sql, name, type } of this.expandAsterisk(column.chain, scope, column)) {
          selectParts.push(sql)
          columns.push(name)
          types.push(type)
        }
        continue
      }
      const printed = this.print(column.kind === 'alias' ? column.expr : column, scope)
      // Later columns and clauses that name the alias see its type (`parts[1]` after `splitByChar(…) AS parts`).
      if (column.kind === 'alias') scope.columnAliases.set(column.alias, typeOf(printed))
      const name = columnName(column)
      columns.push(name)
      types.push(typeOf(printed))
      if (column.kind === 'alias' || column.kind === 'field') selectParts.push(`${printed.sql} AS ${q(name)}`)
      else selectParts.push(printed.sql)
    }

    const clauses: string[] = []
    const prewhere = query.prewhere ? this.print(query.prewhere, scope).sql : null
    const where = query.where ? this.print(query.where, scope).sql : null
    if (query.groupBy) clauses.push(`GROUP BY ${query.groupBy.map((e) => this.print(e, scope).sql).join(', ')}`)
    if (query.having) clauses.push(`HAVING ${this.print(query.having, scope).sql}`)
    if (query.orderBy) clauses.push(`ORDER BY ${this.printOrder(query.orderBy, scope)}`)
    if (query.limitBy) {
      const offset = query.limitBy.offset ? ` OFFSET ${this.print(query.limitBy.offset, scope).sql}` : ''
      const exprs = query.limitBy.exprs.map((e) => this.print(e, scope).sql).join(', ')
      clauses.push(`LIMIT ${this.print(query.limitBy.limit, scope).sql}${offset} BY ${exprs}`)
    }
    if (query.limit) {
      clauses.push(`LIMIT ${this.print(query.limit, scope).sql}${query.withTies ? ' WITH TIES' : ''}`)
      if (query.offset) clauses.push(`OFFSET ${this.print(query.offset, scope).sql}`)
    } else if (query.offset) clauses.push(`OFFSET ${this.print(query.offset, scope).sql}`)

    // Constraints are printed before FROM is assembled: they may use lazy fields that add joins.
    const constraints = query.from.map((clause) => printConstraint(this, clause, scope))
    const from = fromParts.length === 0 ? '' : ` FROM ${printFrom(this, query.from, fromParts, constraints, scope)}`
    const teamFilters = scope.tables.flatMap((table, i) =>
      table.kind === 'schema' && query.from[i]?.joinType === null ? [this.teamFilter(table.alias)] : [],
    )
    const whereParts = [...teamFilters, ...(where === null ? [] : [where])]
    const whereSql =
      whereParts.length === 0
        ? ''
        : ` WHERE ${whereParts.length === 1 ? whereParts[0] : `and(${whereParts.join(', ')})`}`
    const withSql = withParts.length === 0 ? '' : `WITH ${withParts.join(', ')} `
    const distinct = query.distinct ? 'DISTINCT ' : ''
    const prewhereSql = prewhere === null ? '' : ` PREWHERE ${prewhere}`
    const tail = clauses.length === 0 ? '' : ` ${clauses.join(' ')}`
    return `${withSql}SELECT ${distinct}${selectParts.join(', ')}${from}${arrayJoin}${prewhereSql}${whereSql}${tail}`
  }

  private printAliased(expr: Expr, scope: Scope, arrayJoin: boolean): string {
    if (expr.kind === 'alias') {
      const printed = this.print(expr.expr, scope)
      scope.columnAliases.set(expr.alias, arrayJoin ? (printed.element ?? UNKNOWN_TYPE) : typeOf(printed))
      return `${printed.sql} AS ${q(expr.alias)}`
    }
    return this.print(expr, scope).sql
  }

  private printOrder(list: OrderExpr[], scope: Scope): string {
    return list.map((item) => `${this.print(item.expr, scope).sql} ${item.direction}`).join(', ')
  }

  teamFilter(alias: string): string {
    return `equals(${q(alias)}.team_id, ${this.context.teamId})`
  }

  tableName(name: string): string {
    return this.context.database === null ? name : `${q(this.context.database)}.${name}`
  }

  /** Subqueries see the CTEs of the enclosing query but none of its tables. */
  cteScope(scope: Scope): Scope {
    const inner = new Scope(scope)
    inner.lambdaArgs.clear()
    return inner
  }

  private expandAsterisk(chain: string[], scope: Scope, node: Expr): { sql: string; name: string; type: ValueType }[] {
    const tables: ScopeTable[] =
      chain.length === 0 ? scope.tables : [scope.findTable(chain.join('.'))].filter((t) => t !== undefined)
    if (tables.length === 0) {
      throw queryError(
        chain.length === 0 ? 'Cannot use * without a FROM clause' : `Unable to resolve field: ${chain.join('.')}`,
        node,
      )
    }
    return tables.flatMap((table) => {
      const names = table.kind === 'schema' ? table.def.asterisk : table.columns
      return names.map((name) => {
        const printed = resolveField(this, [table.alias, name], scope, node)
        return { sql: `${printed.sql} AS ${q(name)}`, name, type: typeOf(printed) }
      })
    })
  }

  /** Prints any expression in `scope`. */
  print(expr: Expr, scope: Scope): Printed {
    switch (expr.kind) {
      case 'constant':
        return { sql: printConstant(expr.value), ...constantType(expr.value) }
      case 'field':
        return resolveField(this, expr.chain, scope, expr)
      case 'placeholder':
        throw queryError(`Placeholder {${expr.chain.join('.')}} is not available in this context.`, expr)
      case 'call':
        return printCall(this, expr, scope)
      case 'binary': {
        const left = this.print(expr.left, scope)
        const right = this.print(expr.right, scope)
        return this.withNullChecks(expr, left, right, this.printBinary(expr.op, left, right))
      }
      case 'and':
      case 'or':
        return { sql: `${expr.kind}(${expr.exprs.map((e) => this.print(e, scope).sql).join(', ')})`, kind: 'number' }
      case 'not':
        return { sql: `not(${this.print(expr.expr, scope).sql})`, kind: 'number' }
      case 'between': {
        const value = this.print(expr.expr, scope).sql
        const sql = `and(greaterOrEquals(${value}, ${this.print(expr.low, scope).sql}), lessOrEquals(${value}, ${this.print(expr.high, scope).sql}))`
        return { sql: expr.negated ? `not(${sql})` : sql, kind: 'number' }
      }
      case 'isNull':
        return { sql: `${expr.negated ? 'isNotNull' : 'isNull'}(${this.print(expr.expr, scope).sql})`, kind: 'number' }
      case 'tuple': {
        const items = expr.items.map((e) => this.print(e, scope))
        return { sql: `tuple(${items.map((e) => e.sql).join(', ')})`, kind: 'tuple', items: items.map(typeOf) }
      }
      case 'array': {
        const items = expr.items.map((e) => this.print(e, scope))
        return { sql: `[${items.map((e) => e.sql).join(', ')}]`, ...arrayOf(items[0] ?? UNKNOWN_TYPE) }
      }
      case 'arrayAccess':
      case 'tupleAccess':
        return printSubscript(this, expr, scope)
      case 'lambda': {
        const inner = new Scope(scope)
        for (const table of scope.tables) inner.tables.push(table)
        for (const [alias, type] of scope.columnAliases) inner.columnAliases.set(alias, type)
        for (const arg of expr.args) inner.lambdaArgs.add(arg)
        const body = this.print(expr.body, inner).sql
        const args = expr.args.length === 1 ? q(expr.args[0]!) : `(${expr.args.map(q).join(', ')})`
        return { sql: `${args} -> ${body}`, kind: 'unknown' }
      }
      case 'alias': {
        const inner = this.print(expr.expr, scope)
        scope.columnAliases.set(expr.alias, typeOf(inner))
        return { ...typeOf(inner), sql: `${inner.sql} AS ${q(expr.alias)}` }
      }
      case 'asterisk':
        throw queryError('Asterisk is only allowed in SELECT columns and count(*).', expr)
      case 'subquery': {
        // A scalar subquery's value has its single column's type.
        const types: ValueType[] = []
        const sql = this.printSelectNode(expr.query, this.cteScope(scope), [], types)
        return { sql: `(${sql})`, ...(types.length === 1 ? types[0]! : UNKNOWN_TYPE) }
      }
      case 'cast': {
        if (!/^[A-Za-z][A-Za-z0-9]*(\([A-Za-z0-9 ,']*\))?$/.test(expr.type)) {
          throw queryError(`Unsupported type in cast: ${expr.type}`, expr)
        }
        return { sql: `CAST(${this.print(expr.expr, scope).sql}, ${quoteString(expr.type)})`, kind: 'unknown' }
      }
      default:
        return expr satisfies never
    }
  }

  private printBinary(op: string, left: Printed, right: Printed): Printed {
    switch (op) {
      case 'match':
        return { sql: `match(${left.sql}, ${right.sql})`, kind: 'number' }
      case 'notMatch':
        return { sql: `not(match(${left.sql}, ${right.sql}))`, kind: 'number' }
      case 'imatch':
        return { sql: `match(${left.sql}, concat('(?i)', ${right.sql}))`, kind: 'number' }
      case 'notIMatch':
        return { sql: `not(match(${left.sql}, concat('(?i)', ${right.sql})))`, kind: 'number' }
      case 'plus':
      case 'minus':
        return {
          sql: `${op}(${left.sql}, ${right.sql})`,
          kind: left.kind === 'datetime' || left.kind === 'date' ? left.kind : 'number',
        }
      default:
        return { sql: `${op}(${left.sql}, ${right.sql})`, kind: 'number' }
    }
  }

  /**
   * PostHog's null semantics for comparisons (`visit_compare_operation` in `posthog/hogql/printer.py`): `x = NULL` is
   * `isNull(x)`, and a comparison with a nullable side (a property) never yields NULL: `=`/`LIKE` are false and
   * `!=`/`NOT LIKE` true when one side is NULL. Without this, `properties.plan != 'pro'` drops every event lacking `plan`.
   */
  private withNullChecks(expr: Expr & { kind: 'binary' }, left: Printed, right: Printed, op: Printed): Printed {
    if (!this.nullChecks) return op
    const positive = expr.op === 'equals' || expr.op === 'like' || expr.op === 'ilike'
    const negative = expr.op === 'notEquals' || expr.op === 'notLike' || expr.op === 'notILike'
    const ordering = ['less', 'lessOrEquals', 'greater', 'greaterOrEquals'].includes(expr.op)
    if (!positive && !negative && !ordering) return op
    const isNullConstant = (side: Expr) => side.kind === 'constant' && side.value === null
    if ((positive || negative) && (isNullConstant(expr.left) || isNullConstant(expr.right))) {
      const other = isNullConstant(expr.right) ? left : right
      return { sql: `${positive ? 'isNull' : 'isNotNull'}(${other.sql})`, kind: 'number' }
    }
    const nullable = (side: Expr, printed: Printed) =>
      isNullConstant(side) || (printed.json !== undefined && printed.json.keys.length > 0)
    const leftNullable = nullable(expr.left, left)
    const rightNullable = nullable(expr.right, right)
    if (!leftNullable && !rightNullable) return op
    const bothFields = expr.left.kind !== 'constant' && expr.right.kind !== 'constant'
    const fallback = ordering
      ? '0'
      : !bothFields
        ? positive
          ? '0'
          : '1'
        : positive
          ? `isNull(${left.sql}) and isNull(${right.sql})`
          : `isNotNull(${left.sql}) or isNotNull(${right.sql})`
    return { sql: `ifNull(${op.sql}, ${fallback})`, kind: 'number' }
  }

  /** Used by {@link printCall} for `count(*)` and friends. */
  printArgs(call: Call, scope: Scope): Printed[] {
    return call.args.map((arg) =>
      arg.kind === 'asterisk' && arg.chain.length === 0 ? { sql: '', kind: 'unknown' } : this.print(arg, scope),
    )
  }
}

/**
 * PostHog's property access: the raw JSON value with `""`, `null` and surrounding quotes removed, as Nullable(String).
 * SRC: PostHog/posthog `posthog/hogql/printer.py` (visit_property_type).
 */
export function propertyAccess(column: string, keys: string[]): Printed {
  const path = keys.map(quoteString).join(', ')
  return {
    sql: `replaceRegexpAll(nullIf(nullIf(JSONExtractRaw(${column}, ${path}), ''), 'null'), '^"|"$', '')`,
    kind: 'string',
    json: { column, keys },
  }
}
