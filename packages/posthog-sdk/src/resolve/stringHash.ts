// A 30-bit polynomial string hash shared by the name index's integer maps. 30 bits keep every hash a small integer in
// V8 (no boxed numbers). Collisions only add candidates: every user of these hashes confirms a hit on the strings.
const BASE = 0x01000193
const MASK = 0x3fffffff
const powers = [1]

/** BASE to the power `exponent`, modulo 2^32. */
export function hashPower(exponent: number): number {
  while (powers.length <= exponent) powers.push(Math.imul(powers[powers.length - 1]!, BASE))
  return powers[exponent]!
}

/** Extends a running hash by one character code (call `finishHash` on the result before use as a key). */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, BASE) + code) | 0
}

/** A running hash as a key. */
export function finishHash(hash: number): number {
  return hash & MASK
}

/** The hash of `text`. */
export function hashOf(text: string): number {
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i))
  return finishHash(hash)
}
