import * as z from 'zod'

/** A JSON value, as run reports store PostHog cells (bigints as decimal strings, dates as ISO strings). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** A {@link JsonValue}. */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
)

/**
 * Makes a PostHog cell JSON-safe for a report: bigint -> decimal string, `Date` -> ISO, non-finite numbers and
 * `undefined` -> null, nested arrays and objects converted the same way.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) ? value : null
    case 'bigint':
      return value.toString()
    case 'object': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
      if (Array.isArray(value)) return value.map(toJsonValue)
      return toJsonObject(value)
    }
    default:
      return String(value)
  }
}

/** {@link toJsonValue} for a plain object (a record), keeping its keys. */
export function toJsonObject(value: object): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {}
  for (const [key, inner] of Object.entries(value)) out[key] = toJsonValue(inner)
  return out
}
