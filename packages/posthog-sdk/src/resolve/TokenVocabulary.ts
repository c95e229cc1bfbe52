import { boundedEditDistance } from './editDistance'

/** Typos allowed in one word: none up to 3 letters (too many short words are one letter apart), one from 4 letters. */
export function typoBudget(length: number): number {
  return length >= 4 ? 1 : 0
}

/** Words of the directory's names that are within a typo of a query word, with their distance (0 or 1). */
export interface WordMatches {
  ids: number[]
  distances: number[]
}

const NO_MATCHES: WordMatches = { ids: [], distances: [] }
const BASE = 0x01000193
// 30 bits keep every hash a small integer in V8, so the variant map stores no boxed numbers.
const MASK = 0x3fffffff
const powers = [1]

function power(exponent: number): number {
  while (powers.length <= exponent) powers.push(Math.imul(powers[powers.length - 1]!, BASE))
  return powers[exponent]!
}

function hashOf(word: string): number {
  let hash = 0
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, BASE) + word.charCodeAt(i)) | 0
  return hash & MASK
}

/**
 * The hashes of `word` with one letter deleted, computed from prefix and suffix hashes without building the strings.
 * The first letter is never deleted: a typo is only accepted after an equal first letter (see `matches`), and any two
 * such words one edit apart share a variant that keeps it. Equal variants (from a run of one letter) are listed once.
 */
function deletionHashes(word: string): number[] {
  const length = word.length
  const suffix = new Array<number>(length + 1)
  suffix[length] = 0
  for (let i = length - 1; i >= 0; i--)
    suffix[i] = (Math.imul(word.charCodeAt(i), power(length - 1 - i)) + suffix[i + 1]!) | 0
  const hashes: number[] = []
  let prefix = word.charCodeAt(0)
  for (let i = 1; i < length; i++) {
    if (i === 1 || word[i] !== word[i - 1])
      hashes.push((Math.imul(prefix, power(length - 1 - i)) + suffix[i + 1]!) & MASK)
    prefix = (Math.imul(prefix, BASE) + word.charCodeAt(i)) | 0
  }
  return hashes
}

/**
 * The distinct words of the directory's account names, with a symmetric-deletion index (SymSpell, distance 1) so the
 * words within one typo of a query word are found by a few look-ups instead of a scan: two words one substitution,
 * insertion, deletion or adjacent transposition apart share a one-deletion variant. Variants are stored as integer
 * hashes (no strings are built); a hash collision only adds a candidate, and every candidate is confirmed with the
 * real edit distance.
 */
export class TokenVocabulary {
  private readonly ids = new Map<string, number>()
  readonly words: string[] = []
  /** Hash of a word or of one of its one-deletion variants -> word ids (a bare number for one id: fewer arrays). */
  private readonly variants = new Map<number, number | number[]>()
  private readonly cache = new Map<string, WordMatches>()

  /** The id of `word`, added when new. */
  intern(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.words.length
      this.ids.set(word, id)
      this.words.push(word)
      if (typoBudget(word.length) > 0) {
        this.index(hashOf(word), id)
        for (const hash of deletionHashes(word)) this.index(hash, id)
      }
    }
    return id
  }

  private index(hash: number, id: number): void {
    const ids = this.variants.get(hash)
    if (ids === undefined) this.variants.set(hash, id)
    else if (typeof ids === 'number') {
      if (ids !== id) this.variants.set(hash, [ids, id])
    } else if (ids[ids.length - 1] !== id) ids.push(id)
  }

  /**
   * The vocabulary words a query word may stand for, cached per word. A word the directory uses is taken as written
   * (distance 0 only): when a typo would turn it into another directory word, guessing which was meant is not safe.
   * An unknown word of 4 letters or more matches the words one edit away that start with the same letter (people
   * rarely mistype the first letter, and names that differ there are usually other names: Polar / Solar).
   */
  matches(word: string): WordMatches {
    const cached = this.cache.get(word)
    if (cached !== undefined) return cached
    const found = this.search(word)
    this.cache.set(word, found)
    return found
  }

  private search(word: string): WordMatches {
    const exact = this.ids.get(word)
    if (exact !== undefined) return { ids: [exact], distances: [0] }
    if (typoBudget(word.length) === 0) return NO_MATCHES
    const seen = new Set<number>()
    const result: WordMatches = { ids: [], distances: [] }
    const consider = (hash: number) => {
      const ids = this.variants.get(hash)
      if (ids === undefined) return
      for (const id of typeof ids === 'number' ? [ids] : ids) {
        if (seen.has(id)) continue
        seen.add(id)
        const other = this.words[id]!
        if (other[0] !== word[0] || typoBudget(other.length) === 0) continue
        if (boundedEditDistance(word, other, 1) === 1) {
          result.ids.push(id)
          result.distances.push(1)
        }
      }
    }
    consider(hashOf(word))
    for (const hash of deletionHashes(word)) consider(hash)
    return result.ids.length === 0 ? NO_MATCHES : result
  }
}
