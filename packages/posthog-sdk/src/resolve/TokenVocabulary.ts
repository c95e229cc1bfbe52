import { boundedEditDistance } from './editDistance'
import { IntMultiMap } from './IntMultiMap'
import { finishHash, hashOf, hashPower, hashStep } from './stringHash'

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
    suffix[i] = (Math.imul(word.charCodeAt(i), hashPower(length - 1 - i)) + suffix[i + 1]!) | 0
  const hashes: number[] = []
  let prefix = word.charCodeAt(0)
  for (let i = 1; i < length; i++) {
    if (i === 1 || word[i] !== word[i - 1])
      hashes.push(finishHash(Math.imul(prefix, hashPower(length - 1 - i)) + suffix[i + 1]!))
    prefix = hashStep(prefix, word.charCodeAt(i))
  }
  return hashes
}

function indexVariants(variants: IntMultiMap, word: string, id: number): void {
  if (typoBudget(word.length) === 0) return
  variants.add(hashOf(word), id)
  for (const hash of deletionHashes(word)) variants.add(hash, id)
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
  /**
   * Hash of a word or of one of its one-deletion variants -> word ids. Built on the first typo search, over the
   * words known then, and extended as words are added after it.
   */
  private variants: IntMultiMap | undefined
  private readonly cache = new Map<string, WordMatches>()

  /** The id of `word`, added when new. */
  intern(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.words.length
      this.ids.set(word, id)
      this.words.push(word)
      if (this.variants !== undefined) indexVariants(this.variants, word, id)
      this.cache.clear()
    }
    return id
  }

  private variantIndex(): IntMultiMap {
    if (this.variants === undefined) {
      this.variants = new IntMultiMap(this.words.length * 8)
      for (let id = 0; id < this.words.length; id++) indexVariants(this.variants, this.words[id]!, id)
    }
    return this.variants
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
    const variants = this.variantIndex()
    const seen = new Set<number>()
    const result: WordMatches = { ids: [], distances: [] }
    const consider = (id: number) => {
      if (seen.has(id)) return
      seen.add(id)
      const other = this.words[id]!
      if (other[0] !== word[0] || typoBudget(other.length) === 0) return
      if (boundedEditDistance(word, other, 1) === 1) {
        result.ids.push(id)
        result.distances.push(1)
      }
    }
    variants.forEach(hashOf(word), consider)
    for (const hash of deletionHashes(word)) variants.forEach(hash, consider)
    return result.ids.length === 0 ? NO_MATCHES : result
  }
}
