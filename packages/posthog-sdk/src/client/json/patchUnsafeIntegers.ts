import { scanUnsafeNumbers } from './parseJsonExact'

interface Literal {
  text: string
  isInteger: boolean
}

class Mismatch extends Error {}

// Objects enumerate integer-like keys first, not in document order; such objects make the walk order unreliable.
const INDEX_KEY = /^(?:0|[1-9]\d*)$/

/**
 * Makes a value just read by `JSON.parse(text)` exact, in place: every integer that `JSON.parse` rounded (beyond
 * ±(2^53 − 1)) is replaced by its literal's exact digits, as a decimal string. Cheaper than re-parsing the text:
 * one scan collects the unsafe literals in document order, one walk of the value (arrays by index, objects by
 * key order) pairs them with the rounded numbers, each pair checked to round to the same double.
 * @returns false, with the value possibly half-patched, when the pairing cannot be trusted (an object with
 * integer-like keys, counts or values that disagree): read the text with `parseJsonExact` then.
 */
export function patchUnsafeIntegers(root: unknown, text: string): boolean {
  const literals: Literal[] = []
  if (!scanUnsafeNumbers(text, (start, end, isInteger) => literals.push({ text: text.slice(start, end), isInteger })))
    return false
  let next = 0
  const exact = (value: number): unknown => {
    const literal = literals[next++]
    if (!literal || Number(literal.text) !== value) throw new Mismatch()
    return literal.isInteger ? literal.text : value
  }
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i]
        if (typeof item === 'number') {
          if (Number.isInteger(item) && !Number.isSafeInteger(item)) value[i] = exact(item)
        } else if (item !== null && typeof item === 'object') walk(item)
      }
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>
      for (const key of Object.keys(record)) {
        if (INDEX_KEY.test(key)) throw new Mismatch()
        const item = record[key]
        if (typeof item === 'number') {
          if (Number.isInteger(item) && !Number.isSafeInteger(item)) record[key] = exact(item)
        } else if (item !== null && typeof item === 'object') walk(item)
      }
    }
  }
  try {
    walk(root)
  } catch (error) {
    if (error instanceof Mismatch) return false
    throw error
  }
  return next === literals.length
}
