import type { Call, ConstantValue, Expr, JoinClause, OrderExpr, SelectNode, SelectQuery } from './ast'
import { columnName } from './columnName'
import { queryError } from './HogQLError'
import { printCall } from './printCall'
import { resolveField } from './resolveField'
import type { Printed, ScopeTable, UsedLazyJoin } from './Scope'
import { Scope } from './Scope'
import { findTable } from './schema'
import { printConstant, quoteClickHouseIdentifier as q, quoteString } from './sqlText'

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

  printTop(node: SelectNode): PrintedSelect {
    const columns: string[] = []
    const sql = this.printSelectNode(node, null, columns)
    return { sql, columns }
  }

  /** Prints a SELECT or set; fills `columns` with the first arm's output names. */
  printSelectNode(node: SelectNode, parent: Scope | null, columns: string[] = []): string {
    if (node.kind === 'select') return this.printSelect(node, parent, columns)
    const parts = [this.printSetPart(node.first, parent, columns)]
    for (const part of node.rest) parts.push(`${part.op} ${this.printSetPart(part.query, parent, [])}`)
    return parts.join(' ')
  }

  private printSetPart(node: SelectNode, parent: Scope | null, columns: string[]): string {
    const sql = this.printSelectNode(node, parent, columns)
    return node.kind === 'set' ? `(${sql})` : sql
  }

  private printSelect(query: SelectQuery, parent: Scope | null, columns: string[]): string {
    const scope = new Scope(parent)
    const withParts: string[] = []
    for (const cte of query.ctes) {
      if (cte.query !== null) scope.tableCtes.set(cte.name, cte)
      else if (cte.expr !== null) {
        withParts.push(`${this.print(cte.expr, scope).sql} AS ${q(cte.name)}`)
        scope.exprCtes.add(cte.name)
      }
    }
    const fromParts = query.from.map((clause) => this.registerTable(clause, scope))
    for (const column of query.columns) if (column.kind === 'alias') scope.columnAliases.add(column.alias)

    const selectParts: string[] = []
    for (const column of query.columns) {
      if (column.kind === 'asterisk') {
        for (const { sql, name } of this.expandAsterisk(column.chain, scope, column)) {
          selectParts.push(sql)
          columns.push(name)
        }
        continue
      }
      const printed = this.print(column.kind === 'alias' ? column.expr : column, scope)
      const name = columnName(column)
      columns.push(name)
      if (column.kind === 'alias' || column.kind === 'field') selectParts.push(`${printed.sql} AS ${q(name)}`)
      else selectParts.push(printed.sql)
    }

    const clauses: string[] = []
    const arrayJoin = query.arrayJoin
      ? ` ${query.arrayJoin.kind} ${query.arrayJoin.exprs.map((e) => this.printAliased(e, scope)).join(', ')}`
      : ''
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
    const constraints = query.from.map((clause) => this.printConstraint(clause, scope))
    const from = fromParts.length === 0 ? '' : ` FROM ${this.printFrom(query.from, fromParts, constraints, scope)}`
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

  private printAliased(expr: Expr, scope: Scope): string {
    if (expr.kind === 'alias') {
      scope.columnAliases.add(expr.alias)
      return `${this.print(expr.expr, scope).sql} AS ${q(expr.alias)}`
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

  /** Adds a FROM/JOIN source to the scope and returns its printed source (without joins). */
  private registerTable(clause: JoinClause, scope: Scope): string {
    const source = clause.source
    switch (source.kind) {
      case 'table': {
        const name = source.chain.join('.')
        const cte = source.chain.length === 1 ? scope.tableCtes.get(name) : undefined
        const alias = clause.alias ?? name
        if (cte?.query) {
          const columns: string[] = []
          const sql = this.printSelectNode(cte.query, this.cteScope(scope), columns)
          scope.tables.push({ kind: 'derived', alias, columns })
          return `(${sql}) AS ${q(alias)}`
        }
        const def = findTable(name)
        if (def === undefined) throw queryError(`Unknown table \`${name}\`.`, source)
        scope.tables.push({ kind: 'schema', alias, def, lazyJoins: new Map() })
        // PostHog shows `FROM events` when the alias is the table's own name.
        if (this.context.database === null && alias === def.name) return def.name
        return `${this.tableName(def.name)} AS ${q(alias)}`
      }
      case 'subquery': {
        const columns: string[] = []
        const sql = this.printSelectNode(source.query, this.cteScope(scope), columns)
        const alias = clause.alias ?? `_subquery_${scope.tables.length}`
        scope.tables.push({ kind: 'derived', alias, columns })
        return clause.alias === null ? `(${sql})` : `(${sql}) AS ${q(alias)}`
      }
      case 'function': {
        if (source.call.name !== 'numbers') {
          throw queryError(`Unknown table function \`${source.call.name}\`.`, source)
        }
        const args = source.call.args.map((arg) => this.print(arg, scope).sql).join(', ')
        const alias = clause.alias ?? 'numbers'
        scope.tables.push({ kind: 'derived', alias, columns: ['number'] })
        return `numbers(${args}) AS ${q(alias)}`
      }
      case 'placeholder':
        throw queryError('Placeholders are not supported as tables.', source)
      default:
        return source satisfies never
    }
  }

  /** Subqueries see the CTEs of the enclosing query but none of its tables. */
  private cteScope(scope: Scope): Scope {
    const inner = new Scope(scope)
    inner.lambdaArgs.clear()
    return inner
  }

  private printConstraint(clause: JoinClause, scope: Scope): string {
    if (clause.constraint === null) return ''
    const index = scope.tables.findIndex((t) => t.alias === (clause.alias ?? tableAliasOf(clause)))
    const table = scope.tables[index]
    const teamFilter = table?.kind === 'schema' ? [this.teamFilter(table.alias)] : []
    if (clause.constraint.kind === 'using') {
      const expr = clause.constraint.expr
      const names = (expr.kind === 'tuple' ? expr.items : [expr]).map((item) => {
        if (item.kind !== 'field' || item.chain.length !== 1) throw queryError('USING expects column names', item)
        return q(String(item.chain[0]))
      })
      return ` USING (${names.join(', ')})`
    }
    const on = this.print(clause.constraint.expr, scope).sql
    return ` ON ${teamFilter.length === 0 ? on : `and(${on}, ${teamFilter[0]})`}`
  }

  private printFrom(clauses: JoinClause[], sources: string[], constraints: string[], scope: Scope): string {
    const parts: string[] = []
    clauses.forEach((clause, i) => {
      const sample = clause.sample ? ` SAMPLE ${this.print(clause.sample, scope).sql}` : ''
      const head = clause.joinType === null ? sources[i]! : ` ${clause.joinType} ${sources[i]!}`
      parts.push(`${head}${sample}${constraints[i]}`)
      const table = scope.tables[i]
      if (table?.kind === 'schema') for (const join of table.lazyJoins.values()) parts.push(this.printLazyJoin(join))
    })
    return parts.join('')
  }

  private printLazyJoin(used: UsedLazyJoin): string {
    const columns = [...used.columns].map(([name, expr]) => `${expr} AS ${q(name)}`).join(', ')
    const filters = [this.teamFilter(used.table.name)]
    if (used.groupIndex !== undefined) filters.push(`equals(${used.table.name}.${q('index')}, ${used.groupIndex})`)
    const where = filters.length === 1 ? filters[0] : `and(${filters.join(', ')})`
    return ` LEFT JOIN (SELECT ${columns} FROM ${this.tableName(used.table.name)} AS ${used.table.name} WHERE ${where}) AS ${q(used.alias)} ON ${used.on}`
  }

  private expandAsterisk(chain: string[], scope: Scope, node: Expr): { sql: string; name: string }[] {
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
        return { sql: `${printed.sql} AS ${q(name)}`, name }
      })
    })
  }

  /** Prints any expression in `scope`. */
  print(expr: Expr, scope: Scope): Printed {
    switch (expr.kind) {
      case 'constant':
        return { sql: printConstant(expr.value), kind: constantKind(expr.value) }
      case 'field':
        return resolveField(this, expr.chain, scope, expr)
      case 'placeholder':
        throw queryError(`Placeholder {${expr.chain.join('.')}} is not available in this context.`, expr)
      case 'call':
        return printCall(this, expr, scope)
      case 'binary':
        return this.printBinary(expr.op, this.print(expr.left, scope), this.printRight(expr, scope))
      case 'and':
      case 'or':
        return { sql: `${expr.kind}(${expr.exprs.map((e) => this.print(e, scope).sql).join(', ')})`, kind: 'number' }
      case 'not':
        return { sql: `not(${this.print(expr.expr, scope).sql})`, kind: 'number' }
      case 'negate':
        return { sql: `negate(${this.print(expr.expr, scope).sql})`, kind: 'number' }
      case 'between': {
        const value = this.print(expr.expr, scope).sql
        const sql = `and(greaterOrEquals(${value}, ${this.print(expr.low, scope).sql}), lessOrEquals(${value}, ${this.print(expr.high, scope).sql}))`
        return { sql: expr.negated ? `not(${sql})` : sql, kind: 'number' }
      }
      case 'isNull':
        return { sql: `${expr.negated ? 'isNotNull' : 'isNull'}(${this.print(expr.expr, scope).sql})`, kind: 'number' }
      case 'case':
        return this.printCase(expr, scope)
      case 'ternary':
        return {
          sql: `if(${this.print(expr.condition, scope).sql}, ${this.print(expr.consequent, scope).sql}, ${this.print(expr.otherwise, scope).sql})`,
          kind: this.print(expr.consequent, scope).kind,
        }
      case 'interval': {
        const unit = expr.unit[0]!.toUpperCase() + expr.unit.slice(1)
        return { sql: `toInterval${unit}(${this.print(expr.value, scope).sql})`, kind: 'unknown' }
      }
      case 'tuple':
        return { sql: `tuple(${expr.items.map((e) => this.print(e, scope).sql).join(', ')})`, kind: 'unknown' }
      case 'array':
        return { sql: `[${expr.items.map((e) => this.print(e, scope).sql).join(', ')}]`, kind: 'array' }
      case 'arrayAccess':
        return this.printAccess(expr.array, expr.index, scope)
      case 'lambda': {
        const inner = new Scope(scope)
        for (const table of scope.tables) inner.tables.push(table)
        for (const alias of scope.columnAliases) inner.columnAliases.add(alias)
        for (const arg of expr.args) inner.lambdaArgs.add(arg)
        const body = this.print(expr.body, inner).sql
        const args = expr.args.length === 1 ? q(expr.args[0]!) : `(${expr.args.map(q).join(', ')})`
        return { sql: `${args} -> ${body}`, kind: 'unknown' }
      }
      case 'alias': {
        const inner = this.print(expr.expr, scope)
        scope.columnAliases.add(expr.alias)
        return { sql: `${inner.sql} AS ${q(expr.alias)}`, kind: inner.kind }
      }
      case 'asterisk':
        throw queryError('Asterisk is only allowed in SELECT columns and count(*).', expr)
      case 'subquery':
        return { sql: `(${this.printSelectNode(expr.query, this.cteScope(scope))})`, kind: 'unknown' }
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

  private printRight(expr: Expr & { kind: 'binary' }, scope: Scope): Printed {
    // `x IN ('a', 'b')` compares against a tuple; a bare list constant from `values` does too.
    return this.print(expr.right, scope)
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
      case 'concat':
        return { sql: `concat(${left.sql}, ${right.sql})`, kind: 'string' }
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

  private printCase(expr: Expr & { kind: 'case' }, scope: Scope): Printed {
    const subject = expr.subject ? this.print(expr.subject, scope).sql : null
    const args: string[] = []
    let kind: Printed['kind'] = 'unknown'
    for (const { when, result } of expr.whens) {
      const condition = this.print(when, scope).sql
      args.push(subject === null ? condition : `equals(${subject}, ${condition})`)
      const printed = this.print(result, scope)
      kind = printed.kind
      args.push(printed.sql)
    }
    args.push(expr.otherwise ? this.print(expr.otherwise, scope).sql : 'NULL')
    return { sql: `multiIf(${args.join(', ')})`, kind }
  }

  private printAccess(base: Expr, index: Expr, scope: Scope): Printed {
    const printed = this.print(base, scope)
    const key = index.kind === 'constant' ? index.value : undefined
    if (
      printed.json !== undefined &&
      (typeof key === 'string' || (typeof key === 'object' && key !== null && !Array.isArray(key)))
    ) {
      const name = typeof key === 'string' ? key : key.number
      return propertyAccess(printed.json.column, [...printed.json.keys, name])
    }
    if (printed.json !== undefined) throw queryError('Property names must be string constants.', index)
    if (typeof key === 'object' && key !== null && !Array.isArray(key) && base.kind !== 'array') {
      return { sql: `tupleElement(${printed.sql}, ${key.number})`, kind: 'unknown' }
    }
    return { sql: `arrayElement(${printed.sql}, ${this.print(index, scope).sql})`, kind: 'unknown' }
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

function tableAliasOf(clause: JoinClause): string {
  return clause.source.kind === 'table' ? clause.source.chain.join('.') : ''
}

function constantKind(value: ConstantValue): Printed['kind'] {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'boolean'
  if (value === null) return 'unknown'
  if (Array.isArray(value)) return 'array'
  return 'number'
}
