import type { ArrayAccess, Expr, TupleAccess } from './ast'
import { queryError } from './HogQLError'
import type { ClickHousePrinter } from './printClickHouse'
import { propertyAccess } from './printClickHouse'
import type { Printed, Scope } from './Scope'
import { tupleItemType, typeOf, UNKNOWN_TYPE } from './valueType'

/**
 * Prints `x[i]` and `x.n` by the type of `x`, not by the syntax: an array element is `arrayElement(x, i)`
 * (1-based, negative from the end, as in HogQL and ClickHouse), a tuple item `tupleElement(x, n)`, a map value
 * `arrayElement(m, key)`, and on a JSON field (`properties['x']`, `properties.$set.1`) a property path, as PostHog's
 * resolver folds it into the field chain. A subscript on something of unknown type keeps its syntax's meaning.
 * SRC: PostHog/posthog `posthog/hogql/resolver.py` (visit_array_access, visit_tuple_access).
 * @throws {HogQLError} PostHog's "SQL indexes start from one, not from zero" for index 0.
 */
export function printSubscript(printer: ClickHousePrinter, expr: ArrayAccess | TupleAccess, scope: Scope): Printed {
  const base = printer.print(expr.kind === 'arrayAccess' ? expr.array : expr.tuple, scope)
  if (base.json !== undefined) return jsonProperty(base, expr)
  if (isZero(expr)) {
    const example = expr.kind === 'arrayAccess' ? 'array[1]' : 'array.1'
    throw queryError(`SQL indexes start from one, not from zero. E.g: ${example}`, expr)
  }
  const index = expr.kind === 'arrayAccess' ? printer.print(expr.index, scope).sql : String(expr.index)
  const constantIndex = expr.kind === 'tupleAccess' ? expr.index : integerConstant(expr.index)
  const tupleElement = (): Printed => ({
    ...(constantIndex === null ? UNKNOWN_TYPE : tupleItemType(base, constantIndex)),
    sql: `tupleElement(${base.sql}, ${index})`,
  })
  const arrayElement = (): Printed => ({
    ...(base.element ?? UNKNOWN_TYPE),
    sql: `arrayElement(${base.sql}, ${index})`,
  })
  switch (base.kind) {
    case 'tuple':
      return tupleElement()
    case 'map':
      return arrayElement()
    case 'array':
      // `pairs.1` on an array of tuples is ClickHouse's element-wise tupleElement: an array of the items.
      if (expr.kind === 'tupleAccess' && base.element?.kind === 'tuple') {
        return { kind: 'array', element: typeOf(tupleItemType(base.element, expr.index)), sql: tupleElement().sql }
      }
      return arrayElement()
    default:
      return expr.kind === 'arrayAccess' ? arrayElement() : tupleElement()
  }
}

function jsonProperty(base: Printed, expr: ArrayAccess | TupleAccess): Printed {
  const json = base.json!
  if (expr.kind === 'tupleAccess') return propertyAccess(json.column, [...json.keys, String(expr.index)])
  const key = expr.index.kind === 'constant' ? expr.index.value : undefined
  if (typeof key === 'string') return propertyAccess(json.column, [...json.keys, key])
  if (typeof key === 'object' && key !== null && !Array.isArray(key)) {
    return propertyAccess(json.column, [...json.keys, key.number])
  }
  throw queryError('Property names must be string constants.', expr.index)
}

function isZero(expr: ArrayAccess | TupleAccess): boolean {
  return expr.kind === 'tupleAccess' ? expr.index === 0 : integerConstant(expr.index) === 0
}

function integerConstant(expr: Expr): number | null {
  if (expr.kind !== 'constant' || typeof expr.value !== 'object' || expr.value === null || Array.isArray(expr.value)) {
    return null
  }
  const n = Number(expr.value.number)
  return Number.isInteger(n) ? n : null
}
