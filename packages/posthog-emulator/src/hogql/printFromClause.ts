import type { JoinClause } from './ast'
import { queryError } from './HogQLError'
import type { ClickHousePrinter } from './printClickHouse'
import type { Scope, UsedLazyJoin } from './Scope'
import { findTable } from './schema'
import { quoteClickHouseIdentifier as q } from './sqlText'
import type { ValueType } from './valueType'

/** A subquery's or CTE's output columns with their types, so `t.parts[1]` prints by the column's type. */
function columnTypes(columns: string[], types: ValueType[]): Map<string, ValueType> {
  return new Map(columns.map((name, i) => [name, types[i] ?? { kind: 'unknown' }]))
}

/** Adds a FROM/JOIN source to the scope and returns its printed source (without joins). */
export function registerTable(printer: ClickHousePrinter, clause: JoinClause, scope: Scope): string {
  const source = clause.source
  switch (source.kind) {
    case 'table': {
      const name = source.chain.join('.')
      const cte = source.chain.length === 1 ? scope.tableCtes.get(name) : undefined
      const alias = clause.alias ?? name
      if (cte?.query) {
        const columns: string[] = []
        const types: ValueType[] = []
        const sql = printer.printSelectNode(cte.query, printer.cteScope(scope), columns, types)
        scope.tables.push({ kind: 'derived', alias, columns, types: columnTypes(columns, types) })
        return `(${sql}) AS ${q(alias)}`
      }
      const def = findTable(name)
      if (def === undefined) throw queryError(`Unknown table \`${name}\`.`, source)
      scope.tables.push({ kind: 'schema', alias, def, lazyJoins: new Map() })
      // PostHog shows `FROM events` when the alias is the table's own name.
      if (printer.context.database === null && alias === def.name) return def.name
      return `${printer.tableName(def.name)} AS ${q(alias)}`
    }
    case 'subquery': {
      const columns: string[] = []
      const types: ValueType[] = []
      const sql = printer.printSelectNode(source.query, printer.cteScope(scope), columns, types)
      const alias = clause.alias ?? `_subquery_${scope.tables.length}`
      scope.tables.push({ kind: 'derived', alias, columns, types: columnTypes(columns, types) })
      return `(${sql}) AS ${q(alias)}`
    }
    case 'function': {
      if (source.call.name !== 'numbers') {
        throw queryError(`Unknown table function \`${source.call.name}\`.`, source)
      }
      const args = source.call.args.map((arg) => printer.print(arg, scope).sql).join(', ')
      const alias = clause.alias ?? 'numbers'
      scope.tables.push({
        kind: 'derived',
        alias,
        columns: ['number'],
        types: new Map([['number', { kind: 'number' }]]),
      })
      return `numbers(${args}) AS ${q(alias)}`
    }
    case 'placeholder':
      throw queryError('Placeholders are not supported as tables.', source)
    default:
      return source satisfies never
  }
}

/** Prints a JOIN's ON/USING; dataset tables get their team filter in ON. */
export function printConstraint(printer: ClickHousePrinter, clause: JoinClause, scope: Scope): string {
  if (clause.constraint === null) return ''
  const index = scope.tables.findIndex((t) => t.alias === (clause.alias ?? tableAliasOf(clause)))
  const table = scope.tables[index]
  const teamFilter = table?.kind === 'schema' ? [printer.teamFilter(table.alias)] : []
  if (clause.constraint.kind === 'using') {
    const expr = clause.constraint.expr
    const names = (expr.kind === 'tuple' ? expr.items : [expr]).map((item) => {
      if (item.kind !== 'field' || item.chain.length !== 1) throw queryError('USING expects column names', item)
      return q(String(item.chain[0]))
    })
    return ` USING (${names.join(', ')})`
  }
  printer.nullChecks = false
  let on: string
  try {
    on = printer.print(clause.constraint.expr, scope).sql
  } finally {
    printer.nullChecks = true
  }
  return ` ON ${teamFilter.length === 0 ? on : `and(${on}, ${teamFilter[0]})`}`
}

/** Assembles FROM with its joins, each table followed by the lazy joins its fields used. */
export function printFrom(
  printer: ClickHousePrinter,
  clauses: JoinClause[],
  sources: string[],
  constraints: string[],
  scope: Scope,
): string {
  const parts: string[] = []
  clauses.forEach((clause, i) => {
    const sample = clause.sample ? ` SAMPLE ${printer.print(clause.sample, scope).sql}` : ''
    const head = clause.joinType === null ? sources[i]! : ` ${clause.joinType} ${sources[i]!}`
    parts.push(`${head}${sample}${constraints[i]}`)
    const table = scope.tables[i]
    if (table?.kind === 'schema') for (const join of table.lazyJoins.values()) parts.push(printLazyJoin(printer, join))
  })
  return parts.join('')
}

function printLazyJoin(printer: ClickHousePrinter, used: UsedLazyJoin): string {
  const columns = [...used.columns].map(([name, expr]) => `${expr} AS ${q(name)}`).join(', ')
  const filters = [printer.teamFilter(used.table.name)]
  if (used.groupIndex !== undefined) filters.push(`equals(${used.table.name}.${q('index')}, ${used.groupIndex})`)
  const where = filters.length === 1 ? filters[0] : `and(${filters.join(', ')})`
  return ` LEFT JOIN (SELECT ${columns} FROM ${printer.tableName(used.table.name)} AS ${used.table.name} WHERE ${where}) AS ${q(used.alias)} ON ${used.on}`
}

function tableAliasOf(clause: JoinClause): string {
  return clause.source.kind === 'table' ? clause.source.chain.join('.') : ''
}
