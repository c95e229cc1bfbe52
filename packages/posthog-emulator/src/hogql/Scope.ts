import type { Cte } from './ast'
import type { TableDef } from './schema'
import type { ValueType } from './valueType'

export type { ValueKind } from './valueType'

/** A printed ClickHouse expression with what the printer knows about its type. */
export interface Printed extends ValueType {
  sql: string
  /** Set when the expression is a JSON column or a property of one, so `['key']` and `.key` can go deeper. */
  json?: { column: string; keys: string[] }
}

/** A lazy join a query used, emitted as `LEFT JOIN (...) AS alias ON ...` after the table it hangs off. */
export interface UsedLazyJoin {
  alias: string
  table: TableDef
  on: string
  groupIndex: number | undefined
  /**
   * Columns the subquery selects: output name → expression over the joined table. Properties are extracted inside
   * the subquery (`properties___email`), as PostHog does, so the JSON is parsed once per joined row, not per event.
   */
  columns: Map<string, string>
}

/** A table visible in a SELECT: a dataset table, or a subquery / CTE / table function with named columns. */
export type ScopeTable =
  | { kind: 'schema'; alias: string; def: TableDef; lazyJoins: Map<string, UsedLazyJoin>; lazy?: UsedLazyJoin }
  | { kind: 'derived'; alias: string; columns: string[]; types: Map<string, ValueType> }

/** Name resolution context of one SELECT. Tables and aliases do not leak into subqueries; CTEs do. */
export class Scope {
  readonly tables: ScopeTable[] = []
  /** SELECT aliases with the type of what they name (unknown until the aliased column is printed). */
  readonly columnAliases = new Map<string, ValueType>()
  readonly tableCtes: Map<string, Cte>
  /** `WITH expr AS name` names with their expression's type. */
  readonly exprCtes: Map<string, ValueType>
  readonly lambdaArgs: Set<string>

  constructor(parent: Scope | null) {
    this.tableCtes = new Map(parent?.tableCtes)
    this.exprCtes = new Map(parent?.exprCtes)
    this.lambdaArgs = new Set(parent?.lambdaArgs)
  }

  findTable(alias: string): ScopeTable | undefined {
    return this.tables.find((table) => table.alias === alias)
  }
}
