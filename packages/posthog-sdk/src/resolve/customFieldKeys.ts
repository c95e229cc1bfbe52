// Numbers above 15 significant digits are ids, not quantities: comparing them as doubles would make distinct ids equal.
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i
const MAX_EXACT_DIGITS = 15

function numericKey(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined
  return `n:${value === 0 ? 0 : value}`
}

/**
 * The index keys of a custom-field value; lookups and directory values go through this one function. Strings compare
 * trimmed and case-insensitively (`s:`); numbers compare numerically (`n:`), including numbers written as strings, so
 * `42`, `"42"`, `"42.0"` and `" 042 "` agree; booleans compare as booleans (`b:`), including `"true"`/`"false"`.
 * Returns no keys for null and blank values.
 */
export function customFieldKeys(value: string | number | boolean | null | undefined): string[] {
  if (value === null || value === undefined) return []
  if (typeof value === 'boolean') return [`b:${value}`]
  if (typeof value === 'number') {
    const key = numericKey(value)
    return key === undefined ? [] : [key]
  }
  const text = value.trim()
  if (text === '') return []
  const keys = [`s:${text.normalize('NFKC').toLowerCase()}`]
  if (NUMERIC.test(text) && text.replace(/[^\d]/g, '').replace(/^0+/, '').length <= MAX_EXACT_DIGITS) {
    const key = numericKey(Number(text))
    if (key !== undefined) keys.push(key)
  }
  const lower = text.toLowerCase()
  if (lower === 'true' || lower === 'false') keys.push(`b:${lower}`)
  return keys
}
