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

function deletions(word: string): string[] {
  const variants: string[] = []
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1))
  return variants
}

/**
 * The distinct words of the directory's account names, with a symmetric-deletion index (SymSpell, distance 1) so the
 * words within one typo of a query word are found by a few hash look-ups instead of a scan. Any two words at one
 * substitution, insertion, deletion or adjacent transposition share a one-deletion variant, so none is missed; each
 * candidate is then confirmed with the real edit distance.
 */
export class TokenVocabulary {
  private readonly ids = new Map<string, number>()
  readonly words: string[] = []
  private readonly variants = new Map<string, number[]>()
  private readonly cache = new Map<string, WordMatches>()

  /** The id of `word`, added when new. */
  intern(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.words.length
      this.ids.set(word, id)
      this.words.push(word)
      if (typoBudget(word.length) > 0) {
        for (const variant of new Set(deletions(word))) {
          const list = this.variants.get(variant)
          if (list === undefined) this.variants.set(variant, [id])
          else list.push(id)
        }
      }
    }
    return id
  }

  /** The vocabulary words within the typo budget of `word` (itself at distance 0 when present). Cached per word. */
  matches(word: string): WordMatches {
    const cached = this.cache.get(word)
    if (cached !== undefined) return cached
    const found = this.search(word)
    this.cache.set(word, found)
    return found
  }

  private search(word: string): WordMatches {
    const exact = this.ids.get(word)
    if (typoBudget(word.length) === 0) return exact === undefined ? NO_MATCHES : { ids: [exact], distances: [0] }
    const seen = new Set<number>()
    const result: WordMatches = { ids: [], distances: [] }
    const consider = (id: number) => {
      if (seen.has(id)) return
      seen.add(id)
      const other = this.words[id]!
      const limit = Math.min(typoBudget(word.length), typoBudget(other.length))
      const distance = boundedEditDistance(word, other, limit)
      if (distance <= limit) {
        result.ids.push(id)
        result.distances.push(distance)
      }
    }
    if (exact !== undefined) consider(exact)
    for (const id of this.variants.get(word) ?? []) consider(id)
    for (const variant of deletions(word)) {
      const id = this.ids.get(variant)
      if (id !== undefined) consider(id)
      for (const other of this.variants.get(variant) ?? []) consider(other)
    }
    return result
  }
}
