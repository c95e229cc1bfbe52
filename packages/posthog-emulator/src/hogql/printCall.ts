import type { Call, WindowSpec } from './ast'
import { findAggregation, findFunction } from './functions'
import { queryError } from './HogQLError'
import type { ClickHousePrinter } from './printClickHouse'
import type { Printed, Scope } from './Scope'
import { quoteClickHouseIdentifier as q, quoteString } from './sqlText'
import { callType } from './valueType'

/**
 * Prints a function call: HogQL names mapped to ClickHouse (PostHog's `posthog/hogql/functions/mapping.py`),
 * arity checked, and the HogQL-specific conversions made timezone-aware and null-safe.
 * @throws {HogQLError} `Unsupported function call 'x(...)'` for functions outside the supported set.
 */
export function printCall(printer: ClickHousePrinter, call: Call, scope: Scope): Printed {
  const special = printSpecial(printer, call, scope)
  if (special !== null) return special
  const aggregate = findAggregation(call.name)
  const meta = aggregate ?? findFunction(call.name)
  if (meta === undefined) throw queryError(`Unsupported function call '${call.name}(...)'`, call)
  const args = printer.printArgs(call, scope).filter((arg) => arg.sql !== '')
  checkArity(aggregate === undefined ? 'Function' : 'Aggregation', call, args.length, meta.min, meta.max)
  const params = call.params === null ? '' : `(${call.params.map((p) => printer.print(p, scope).sql).join(', ')})`
  const distinct = call.distinct ? 'DISTINCT ' : ''
  const over = call.over === null ? '' : ` OVER ${printWindow(printer, call.over, scope)}`
  const type = callType(call.name, args, { kind: meta.returns ?? 'unknown' })
  return { ...type, sql: `${meta.ch}${params}(${distinct}${args.map((a) => a.sql).join(', ')})${over}` }
}

function checkArity(term: string, call: Call, found: number, min: number, max: number): void {
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`
  if (found >= min && found <= max) return
  const requirement = min === max ? plural(min) : found < min ? `at least ${plural(min)}` : `at most ${plural(max)}`
  throw queryError(`${term} '${call.name}' requires ${requirement}, found ${found}`, call)
}

function printWindow(printer: ClickHousePrinter, over: WindowSpec | string, scope: Scope): string {
  if (typeof over === 'string') return q(over)
  const parts: string[] = []
  if (over.partitionBy.length > 0)
    parts.push(`PARTITION BY ${over.partitionBy.map((e) => printer.print(e, scope).sql).join(', ')}`)
  if (over.orderBy.length > 0) {
    parts.push(`ORDER BY ${over.orderBy.map((o) => `${printer.print(o.expr, scope).sql} ${o.direction}`).join(', ')}`)
  }
  if (over.frame !== null) parts.push(over.frame)
  return `(${parts.join(' ')})`
}

function printSpecial(printer: ClickHousePrinter, call: Call, scope: Scope): Printed | null {
  const tz = quoteString(printer.context.timezone)
  const one = (): Printed => {
    checkArity('Function', call, call.args.length, 1, 1)
    return printer.print(call.args[0]!, scope)
  }
  switch (call.name) {
    case 'now':
      checkArity('Function', call, call.args.length, 0, 0)
      return { sql: `now64(6, ${tz})`, kind: 'datetime' }
    case 'toInt':
      return { sql: `accurateCastOrNull(${one().sql}, 'Int64')`, kind: 'number' }
    case 'toFloat':
      return { sql: `accurateCastOrNull(${one().sql}, 'Float64')`, kind: 'number' }
    case 'toDate': {
      const arg = one()
      if (arg.kind === 'datetime' || arg.kind === 'date') return { sql: `toDate(${arg.sql})`, kind: 'date' }
      if (arg.kind === 'string') return { sql: `toDateOrNull(${arg.sql})`, kind: 'date' }
      return { sql: `toDateOrNull(toString(${arg.sql}))`, kind: 'date' }
    }
    case 'toDateTime': {
      checkArity('Function', call, call.args.length, 1, 2)
      const arg = printer.print(call.args[0]!, scope)
      const zone = call.args[1] === undefined ? tz : printer.print(call.args[1], scope).sql
      if (arg.kind === 'datetime' || arg.kind === 'date' || arg.kind === 'number') {
        return { sql: `toDateTime(${arg.sql}, ${zone})`, kind: 'datetime' }
      }
      const text = arg.kind === 'string' ? arg.sql : `toString(${arg.sql})`
      return { sql: `parseDateTime64BestEffortOrNull(${text}, 6, ${zone})`, kind: 'datetime' }
    }
    case 'trim':
    case 'trimLeft':
    case 'trimRight': {
      // `trim(LEADING 'x' FROM s)` parses to trimLeft(s, 'x'); PostHog prints it back in SQL form.
      if (call.args.length !== 2) return null
      const side = call.name === 'trim' ? 'BOTH' : call.name === 'trimLeft' ? 'LEADING' : 'TRAILING'
      const [text, chars] = call.args.map((arg) => printer.print(arg, scope).sql)
      return { sql: `trim(${side} ${chars} FROM ${text})`, kind: 'string' }
    }
    default:
      return null
  }
}
