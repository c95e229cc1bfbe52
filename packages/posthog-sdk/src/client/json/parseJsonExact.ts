const MAX_SAFE = '9007199254740991'

function isUnsafeIntegerLiteral(digits: string): boolean {
  // `digits` has no sign. 16 digits may or may not exceed 2^53 - 1; 17 or more always do.
  if (digits.length > MAX_SAFE.length) return true
  return digits.length === MAX_SAFE.length && digits > MAX_SAFE
}

/**
 * Walks the number literals of a JSON text that lie outside strings, calling `onUnsafe(start, end, isInteger)` for
 * each one whose value `JSON.parse` cannot hold exactly as an integer: integer literals beyond ±(2^53 − 1)
 * (`isInteger` true) and float literals that evaluate to such an integer, like `1e20` (`isInteger` false, they stay
 * floats). Strings are skipped with a native `indexOf` jump to their closing quote.
 * @returns false when the text ends inside a string (JSON.parse will report it).
 */
export function scanUnsafeNumbers(
  text: string,
  onUnsafe: (start: number, end: number, isInteger: boolean) => void,
): boolean {
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      // A string: jump to the closing quote, skipping quotes escaped by an odd run of backslashes.
      let close = i + 1
      for (;;) {
        close = text.indexOf('"', close)
        if (close === -1) return false
        let slashes = 0
        while (text.charCodeAt(close - 1 - slashes) === 92) slashes++
        if (slashes % 2 === 0) break
        close++
      }
      i = close + 1
    } else if ((c >= 48 && c <= 57) || c === 45) {
      const digitsStart = c === 45 ? i + 1 : i
      let j = digitsStart
      while (j < n) {
        const d = text.charCodeAt(j)
        if (d < 48 || d > 57) break
        j++
      }
      const intDigits = j - digitsStart
      const next = text.charCodeAt(j)
      if (next === 46 || next === 101 || next === 69) {
        let exponent = false
        j++
        while (j < n) {
          const d = text.charCodeAt(j)
          if (d === 101 || d === 69) exponent = true
          else if (!((d >= 48 && d <= 57) || d === 43 || d === 45)) break
          j++
        }
        exponent ||= next !== 46
        // Only a float of 16+ integer digits or with an exponent can reach 2^53.
        if (intDigits >= MAX_SAFE.length || exponent) {
          const value = Number(text.slice(i, j))
          if (Number.isInteger(value) && !Number.isSafeInteger(value)) onUnsafe(i, j, false)
        }
      } else if (intDigits >= MAX_SAFE.length && isUnsafeIntegerLiteral(text.slice(digitsStart, j))) {
        onUnsafe(i, j, true)
      }
      i = j
    } else {
      i++
    }
  }
  return true
}

/**
 * Parses JSON keeping integer literals beyond ±(2^53 − 1) exact, as decimal strings (`"18446744073709551615"`).
 *
 * `JSON.parse` rounds such literals, and Node 20 has no source text in revivers (TC39 "JSON.parse source text
 * access" arrives with V8 11.4+, Node 21+), so the text is rewritten first: unsafe integer literals outside strings
 * get quotes ({@link scanUnsafeNumbers}), then `JSON.parse` reads the result.
 */
export function parseJsonExact(text: string): unknown {
  const parts: string[] = []
  let copied = 0
  scanUnsafeNumbers(text, (start, end, isInteger) => {
    if (!isInteger) return
    parts.push(text.slice(copied, start), '"', text.slice(start, end), '"')
    copied = end
  })
  if (parts.length === 0) return JSON.parse(text)
  parts.push(text.slice(copied))
  return JSON.parse(parts.join(''))
}

/** ClickHouse integer types wider than 53 bits, possibly wrapped (Nullable, LowCardinality, Array, Tuple, Map). */
export function isWideIntegerType(type: string): boolean {
  return /\b(U?Int(64|128|256))\b/.test(type)
}

/** True for a double beyond ±(2^53 − 1): every such double is an integer, so it tells a rounded integer literal. */
export const isUnsafeNumber = (n: number): boolean => n > Number.MAX_SAFE_INTEGER || n < -Number.MAX_SAFE_INTEGER

/** True when `value` is, or holds at any depth (arrays, objects), a number beyond ±(2^53 − 1). */
export function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return isUnsafeNumber(value)
  if (Array.isArray(value)) return value.some(hasUnsafeInteger)
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsafeInteger)
  return false
}

/** Converts the decimal strings {@link parseJsonExact} left in wide-integer columns to `bigint`, in place. */
export function convertWideIntegersToBigInt(rows: unknown[][], types: readonly (string | undefined)[]): void {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value)
    if (Array.isArray(value)) return value.map(convert)
    return value
  }
  const columns = types.flatMap((type, c) => (type !== undefined && isWideIntegerType(type) ? [c] : []))
  for (const row of rows) for (const c of columns) row[c] = convert(row[c])
}
