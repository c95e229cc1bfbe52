const MAX_SAFE = '9007199254740991'

function isUnsafeIntegerLiteral(digits: string): boolean {
  // `digits` has no sign. 16 digits may or may not exceed 2^53 - 1; 17 or more always do.
  if (digits.length > MAX_SAFE.length) return true
  return digits.length === MAX_SAFE.length && digits > MAX_SAFE
}

function isNumberChar(code: number): boolean {
  // 0-9 . e E + -
  return (code >= 48 && code <= 57) || code === 46 || code === 101 || code === 69 || code === 43 || code === 45
}

/**
 * Parses JSON keeping integer literals beyond ±(2^53 − 1) exact, as decimal strings (`"18446744073709551615"`).
 *
 * `JSON.parse` rounds such literals, and Node 20 has no source text in revivers (TC39 "JSON.parse source text
 * access" ships in Node 21+), so the text is rewritten first: a native `indexOf` walk finds where strings start
 * and end, each unsafe integer literal outside a string gets quotes, and `JSON.parse` reads the result.
 * Only used when the fast path ({@link findUnsafeIntegers}) saw a rounded value.
 */
export function parseJsonExact(text: string): unknown {
  const candidates = /-?\d{16,}/g
  const parts: string[] = []
  let copied = 0
  // String state up to `scanned`: walking quote to quote with indexOf keeps this native-speed.
  let scanned = 0
  let inString = false
  for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
    const at = match.index
    while (scanned <= at) {
      const quote = text.indexOf('"', scanned)
      if (quote === -1 || quote > at) break
      if (inString) {
        let slashes = 0
        for (let i = quote - 1; text.charCodeAt(i) === 92; i--) slashes++
        if (slashes % 2 === 0) inString = false
      } else {
        inString = true
      }
      scanned = quote + 1
    }
    if (inString) continue
    const end = at + match[0].length
    // Part of a float (digits after '.', in an exponent, or followed by a fraction/exponent): not an integer.
    if (isNumberChar(text.charCodeAt(at - 1)) || isNumberChar(text.charCodeAt(end))) continue
    const digits = match[0].startsWith('-') ? match[0].slice(1) : match[0]
    if (!isUnsafeIntegerLiteral(digits)) continue
    parts.push(text.slice(copied, at), '"', match[0], '"')
    copied = end
  }
  if (parts.length === 0) return JSON.parse(text)
  parts.push(text.slice(copied))
  return JSON.parse(parts.join(''))
}

/** ClickHouse integer types wider than 53 bits, possibly wrapped (Nullable, LowCardinality, Array, Tuple, Map). */
export function isWideIntegerType(type: string): boolean {
  return /\b(U?Int(64|128|256))\b/.test(type)
}

function hasUnsafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value)
  if (Array.isArray(value)) return value.some(hasUnsafe)
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsafe)
  return false
}

/**
 * The fast path's check after a plain `JSON.parse`: true when a value of a column that can hold integers wider
 * than 53 bits came out as an integer beyond `Number.MAX_SAFE_INTEGER`, i.e. was rounded.
 * Only those columns are walked (all columns when `types` is unknown), so the check costs little.
 */
export function findUnsafeIntegers(rows: readonly unknown[], types: readonly (string | undefined)[]): boolean {
  const columns: number[] = []
  const width = types.length
  for (let c = 0; c < width; c++) {
    const type = types[c]
    if (type === undefined || isWideIntegerType(type)) columns.push(c)
  }
  if (width > 0 && columns.length === 0) return false
  for (const row of rows) {
    if (!Array.isArray(row)) continue
    if (width === 0) {
      if (hasUnsafe(row)) return true
      continue
    }
    for (const c of columns) if (hasUnsafe(row[c])) return true
  }
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
