import type { ConstantValue } from './ast'
import type { FieldType } from './schema'

/** Static kinds the printer tracks to pick ClickHouse overloads (`toDate` of a string vs a DateTime, `x[1]` of an array vs a tuple). */
export type ValueKind = FieldType | 'number' | 'unknown' | 'tuple' | 'map'

/**
 * What the printer knows about an expression's type: its kind and, for containers, what they hold
 * (`element` of an array or a map's values, `items` of a tuple). Unknown parts are `{ kind: 'unknown' }`.
 */
export interface ValueType {
  kind: ValueKind
  element?: ValueType
  items?: ValueType[]
}

/** The type nothing is known about. */
export const UNKNOWN_TYPE: ValueType = { kind: 'unknown' }

/** Only the type part of a printed expression (drops `sql`, `json`). */
export function typeOf(value: ValueType): ValueType {
  const type: ValueType = { kind: value.kind }
  if (value.element !== undefined) type.element = value.element
  if (value.items !== undefined) type.items = value.items
  return type
}

/** `Array(element)`. */
export function arrayOf(element: ValueType): ValueType {
  return { kind: 'array', element: typeOf(element) }
}

/** The type of a constant: lists are arrays of their first item's type. */
export function constantType(value: ConstantValue): ValueType {
  if (typeof value === 'string') return { kind: 'string' }
  if (typeof value === 'boolean') return { kind: 'boolean' }
  if (value === null) return UNKNOWN_TYPE
  if (Array.isArray(value)) return arrayOf(value[0] === undefined ? UNKNOWN_TYPE : constantType(value[0]))
  return { kind: 'number' }
}

/** The type of tuple item `index` (1-based, negative from the end). */
export function tupleItemType(tuple: ValueType, index: number): ValueType {
  const items = tuple.items ?? []
  return items[index > 0 ? index - 1 : items.length + index] ?? UNKNOWN_TYPE
}

const set = (names: string) => new Set(names.toLowerCase().split(' '))

const ARRAY_OF_STRINGS = set(
  'splitByChar splitByString splitByRegexp splitByWhitespace splitByNonAlpha extractAll alphaTokens JSONExtractKeys JSONExtractArrayRaw',
)
const ARRAY_OF_NUMBERS = set('range quantiles quantilesExact arrayEnumerate')
const SAME_AS_FIRST = set(
  'arrayDistinct arraySort arrayReverseSort arrayCompact arraySlice arrayPushBack arrayPushFront arrayPopBack arrayPopFront arrayFilter arrayConcat arrayReverse arrayShuffle coalesce ifNull nullIf assumeNotNull toNullable any anyLast min max argMin argMax greatest least max2 min2 first_value last_value lagInFrame leadInFrame nth_value',
)
const ELEMENT_OF_FIRST = set('arrayJoin arrayElement arrayFirst arrayLast arrayMin arrayMax')
const ARRAY_OF_FIRST = set('groupArray groupUniqArray topK')
// Aggregate combinators that keep the result type: `groupArrayIf(x, c)` is an array like `groupArray(x)`.
const KEEPING_COMBINATORS = ['If', 'OrNull', 'OrDefault', 'Distinct']

/**
 * The result type of a function call from its name and its arguments' types, for the functions whose result is a
 * container (so subscripts on it print by type) or passes a container through. Others return `fallback`.
 * @example callType('splitByChar', [string, string]) // Array(String)
 */
export function callType(name: string, args: ValueType[], fallback: ValueType): ValueType {
  let lower = name.toLowerCase()
  for (let peeled = true; peeled; ) {
    peeled = false
    for (const suffix of KEEPING_COMBINATORS) {
      const tail = suffix.toLowerCase()
      if (lower.endsWith(tail) && lower.length > tail.length && isKnown(lower.slice(0, -tail.length))) {
        lower = lower.slice(0, -tail.length)
        peeled = true
      }
    }
  }
  const first = args[0] ?? UNKNOWN_TYPE
  if (ARRAY_OF_STRINGS.has(lower)) return arrayOf({ kind: 'string' })
  if (ARRAY_OF_NUMBERS.has(lower)) return arrayOf({ kind: 'number' })
  if (SAME_AS_FIRST.has(lower)) return typeOf(first)
  if (ELEMENT_OF_FIRST.has(lower)) return first.element ?? UNKNOWN_TYPE
  if (ARRAY_OF_FIRST.has(lower)) return arrayOf(first)
  switch (lower) {
    case 'array':
      return arrayOf(first)
    case 'tuple':
      return { kind: 'tuple', items: args.map(typeOf) }
    case 'map':
      return { kind: 'map', element: typeOf(args[1] ?? UNKNOWN_TYPE) }
    case 'arrayzip':
      return arrayOf({ kind: 'tuple', items: args.map((arg) => arg.element ?? UNKNOWN_TYPE) })
    case 'jsonextractkeysandvalues':
      return arrayOf({ kind: 'tuple', items: [{ kind: 'string' }, UNKNOWN_TYPE] })
    case 'arraymap':
      return arrayOf(UNKNOWN_TYPE)
    case 'if':
      return typeOf(args[1] ?? fallback)
    case 'multiif':
      return typeOf(args[1] ?? fallback)
    default:
      return fallback
  }
}

function isKnown(lower: string): boolean {
  return SAME_AS_FIRST.has(lower) || ARRAY_OF_FIRST.has(lower) || ARRAY_OF_NUMBERS.has(lower)
}
