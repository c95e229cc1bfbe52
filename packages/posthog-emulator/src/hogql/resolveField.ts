import type { Span } from './ast'
import { queryError } from './HogQLError'
import type { ClickHousePrinter } from './printClickHouse'
import { propertyAccess } from './printClickHouse'
import type { Printed, Scope, ScopeTable } from './Scope'
import { TABLES } from './schema'
import { quoteClickHouseIdentifier as q, quoteString } from './sqlText'

/**
 * Resolves a field chain the way PostHog's resolver does: lambda arguments, then a table alias (`e.event`),
 * then SELECT aliases, then `WITH x AS name` expressions, then the fields of the tables in FROM.
 * @throws {HogQLError} `Unable to resolve field: x` (PostHog's message) when nothing matches.
 */
export function resolveField(
  printer: ClickHousePrinter,
  chain: (string | number)[],
  scope: Scope,
  node: Span,
): Printed {
  const [head, ...rest] = chain
  if (typeof head !== 'string') throw queryError(`Unable to resolve field: ${String(head)}`, node)
  if (scope.lambdaArgs.has(head)) return tupleAccess({ sql: q(head), kind: 'unknown' }, rest, node)
  const table = scope.findTable(head)
  if (table !== undefined && rest.length > 0) return resolveInTable(printer, table, rest, node)
  const aliased = scope.columnAliases.get(head) ?? scope.exprCtes.get(head)
  if (aliased !== undefined && rest.length === 0) return { ...aliased, sql: q(head) }
  const owner = scope.tables.find((candidate) => hasField(candidate, head))
  if (owner !== undefined) return resolveInTable(printer, owner, chain, node)
  if (table !== undefined) throw queryError(`Can't select a table when a column is expected: ${head}`, node)
  throw queryError(`Unable to resolve field: ${head}`, node)
}

function hasField(table: ScopeTable, name: string): boolean {
  return table.kind === 'schema' ? Object.hasOwn(table.def.fields, name) : table.columns.includes(name)
}

function tupleAccess(base: Printed, rest: (string | number)[], node: Span): Printed {
  let printed = base
  for (const part of rest) {
    if (typeof part !== 'number') throw queryError(`Unable to resolve field: ${part}`, node)
    printed = { sql: `tupleElement(${printed.sql}, ${part})`, kind: 'unknown' }
  }
  return printed
}

function resolveInTable(
  printer: ClickHousePrinter,
  table: ScopeTable,
  chain: (string | number)[],
  node: Span,
): Printed {
  const [name, ...rest] = chain
  if (typeof name !== 'string' || !hasField(table, name)) {
    throw queryError(`Unable to resolve field: ${String(name)}`, node)
  }
  if (table.kind === 'derived') {
    const type = table.types.get(name) ?? { kind: 'unknown' }
    return tupleAccess({ ...type, sql: `${q(table.alias)}.${q(name)}` }, rest, node)
  }
  const field = table.def.fields[name]!
  if (field.kind === 'lazy') {
    if (rest.length === 0) throw queryError(`Can't select a table when a column is expected: ${name}`, node)
    const alias = `${table.alias}__${name}`
    const target = TABLES[field.table]
    let join = table.lazyJoins.get(alias)
    if (join === undefined) {
      join = {
        alias,
        table: target,
        on: `equals(${q(table.alias)}.${q(field.join.from)}, ${q(alias)}.${q(field.join.to)})`,
        groupIndex: field.join.groupIndex,
        columns: new Map([[field.join.to, `${target.name}.${q(field.join.to)}`]]),
      }
      table.lazyJoins.set(alias, join)
    }
    const next = rest[0]
    if (typeof next === 'string' && target.fields[next]?.kind === 'lazy') {
      throw queryError(`The emulator does not support nested lazy joins: ${chain.join('.')}`, node)
    }
    return resolveInTable(printer, { kind: 'schema', alias, def: target, lazyJoins: new Map(), lazy: join }, rest, node)
  }
  if (table.lazy !== undefined) {
    const inner = `${table.def.name}.${q(field.column)}`
    if (field.type === 'json' && rest.length > 0) {
      const keys = rest.map(String)
      const name = `${field.column}___${keys.join('___')}`
      table.lazy.columns.set(name, propertyAccess(inner, keys).sql)
      return { sql: `${q(table.alias)}.${q(name)}`, kind: 'string' }
    }
    table.lazy.columns.set(field.column, inner)
  }
  const column = `${q(table.alias)}.${q(field.column)}`
  switch (field.type) {
    case 'json':
      if (rest.length > 0) return propertyAccess(column, rest.map(String))
      return { sql: column, kind: 'json', json: { column, keys: [] } }
    case 'datetime':
      // PostHog converts every DateTime field to the project time zone (modifier convertToProjectTimezone).
      return tupleAccess(
        { sql: `toTimeZone(${column}, ${quoteString(printer.context.timezone)})`, kind: 'datetime' },
        rest,
        node,
      )
    default:
      return tupleAccess({ sql: column, kind: field.type }, rest, node)
  }
}
