import { RejectReason } from '../RejectReason'
import { describeValue, Rejection } from './Rejection'

/** Allowed values of an enum field, with a case-insensitive lookup to the canonical spelling. */
export interface EnumOptions {
  readonly exact: ReadonlySet<string>
  readonly folded: ReadonlyMap<string, string>
  readonly list: readonly string[]
}

/** Prepares an enum field's options once per compiled mapping. */
export function enumOptions(options: readonly string[]): EnumOptions {
  const folded = new Map<string, string>()
  for (const option of options) {
    const key = option.trim().toLowerCase()
    // Two options differing only by case make folding ambiguous; keep only exact matches for them.
    if (folded.has(key)) folded.set(key, '')
    else folded.set(key, option)
  }
  return { exact: new Set(options), folded, list: options }
}

/**
 * Coerces a value to one of the enum's options: an exact match, else a unique case- and whitespace-insensitive match
 * (returned in the catalog's spelling). Numbers and booleans are compared as text.
 * @returns the option, or a {@link Rejection} with reason `bad_enum_value` listing the allowed values.
 */
export function coerceEnum(value: unknown, options: EnumOptions): string | Rejection {
  const text =
    typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null
  if (text !== null) {
    if (options.exact.has(text)) return text
    const canonical = options.folded.get(text.trim().toLowerCase())
    if (canonical) return canonical
  }
  const allowed = options.list.map((o) => JSON.stringify(o)).join(', ')
  return new Rejection(RejectReason.BadEnumValue, `${describeValue(value)} is not an allowed value (${allowed}).`)
}
