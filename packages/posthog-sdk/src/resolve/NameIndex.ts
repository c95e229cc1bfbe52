import { EntryPostings } from './EntryPostings'
import { IntMultiMap } from './IntMultiMap'
import { accountNameTokens } from './normalizeAccountName'
import type { AmbiguousReason, MatchMethod, UnmatchedReason } from './ResolveResult'
import { hashOf } from './stringHash'
import { TokenVocabulary, type WordMatches } from './TokenVocabulary'

/** Tuning of the `account_name` resolver's fuzzy stage. */
export interface FuzzyNameOptions {
  /**
   * The least similarity accepted, where similarity is 1 - (typos / letters of the longer name): 0.85 allows one typo
   * in a name of 7 letters or more, two from 14 letters. Shorter names must match exactly: among a large directory's
   * short invented names (Kacre, Fobai, Jeskou), one letter is as often another company as a typo.
   * @default 0.85
   */
  threshold?: number
  /**
   * How much more similar the best name must be than the next one; closer than this is `ambiguous`. At the default,
   * two names one typo apart from the value are always ambiguous, and one typo versus two is not (for names of up to
   * 20 letters).
   * @default 0.05
   */
  margin?: number
}

/** Names with more words are matched only exactly or rearranged (the fuzzy stage aligns words one to one). */
const MAX_FUZZY_WORDS = 12

/** What the name index says about one value. */
export type NameOutcome =
  | { status: 'matched'; entry: number; score: number; method: MatchMethod }
  | { status: 'unmatched'; reason: UnmatchedReason }
  | { status: 'ambiguous'; entries: { entry: number; score: number }[]; reason: AmbiguousReason }

interface Scored {
  entry: number
  score: number
}

const UNREACHABLE = 1 << 20

/**
 * The `account_name` index: distinct normalised names ("entries", each with the accounts that carry it), looked up in
 * three stages of decreasing certainty: the same normalised name; the same letters ignoring spaces or word order; and a
 * typo-tolerant stage that aligns the value's words one to one with an entry's words (each within one typo), so a
 * name with an extra or a missing word never matches: "Acme" is not "Acme Labs", "Globex" is not "Globex Europe".
 */
export class NameIndex {
  private readonly threshold: number
  private readonly margin: number
  private readonly vocabulary = new TokenVocabulary()
  private readonly byName = new Map<string, number>()
  /** Built on the first lookup that is not an exact match (most syncs never need them): see `prepare`. */
  private prepared: { byCompact: IntMultiMap; bySorted: IntMultiMap; postings: EntryPostings } | undefined
  /** Per entry: its first account (id and directory name), its letter count and where its word ids start. */
  private readonly entryIds: string[] = []
  private readonly entryNames: string[] = []
  private readonly entryLetters: number[] = []
  private readonly entryWordStart: number[] = [0]
  /** The word ids of every entry, one after the other (flat: no array per entry). */
  private readonly wordIds: number[] = []
  /** The further accounts of entries that several accounts share (rare: a directory's duplicates). */
  private readonly sharedEntries = new Map<number, { id: string; name: string }[]>()
  /** Outcomes of the rearranged and fuzzy stages by normalised name. */
  private readonly inexact = new Map<string, NameOutcome>()
  /** Per-lookup scratch: which entries were already considered, by lookup stamp. */
  private seenStamp = new Int32Array(0)
  private stamp = 0

  constructor(options: FuzzyNameOptions = {}) {
    this.threshold = options.threshold ?? 0.85
    this.margin = options.margin ?? 0.05
  }

  /** Adds an account under its name; returns false when the name has no letters or digits. */
  add(accountId: string, name: string): boolean {
    const words = accountNameTokens(name)
    if (words.length === 0) return false
    const key = words.join(' ')
    const existing = this.byName.get(key)
    if (existing !== undefined) {
      if (this.entryIds[existing] === accountId) return true
      const more = this.sharedEntries.get(existing) ?? []
      if (!more.some((account) => account.id === accountId)) more.push({ id: accountId, name })
      this.sharedEntries.set(existing, more)
      return true
    }
    const entry = this.entryIds.length
    this.byName.set(key, entry)
    this.entryIds.push(accountId)
    this.entryNames.push(name)
    this.entryLetters.push(key.length - (words.length - 1))
    for (const word of words) this.wordIds.push(this.vocabulary.intern(word))
    this.entryWordStart.push(this.wordIds.length)
    this.prepared = undefined
    this.inexact.clear()
    return true
  }

  /**
   * The structures of the rearranged and fuzzy stages, built in one pass over the entries: multi-word entries by the
   * hash of their letters without spaces and of their words in sorted order (those already in order are found
   * through `byName`), and the postings of every word.
   */
  private prepare(): NonNullable<NameIndex['prepared']> {
    if (this.prepared !== undefined) return this.prepared
    const byCompact = new IntMultiMap(this.entryIds.length)
    const bySorted = new IntMultiMap(this.entryIds.length)
    for (let entry = 0; entry < this.entryIds.length; entry++) {
      const words = this.wordsOf(entry)
      if (words.length < 2) continue
      byCompact.add(hashOf(words.join('')), entry)
      const key = words.join(' ')
      const sorted = words.sort().join(' ')
      if (sorted !== key) bySorted.add(hashOf(sorted), entry)
    }
    const postings = new EntryPostings(this.wordIds, this.entryWordStart, MAX_FUZZY_WORDS)
    this.prepared = { byCompact, bySorted, postings }
    return this.prepared
  }

  private wordsOf(entry: number): string[] {
    const words: string[] = []
    for (let i = this.entryWordStart[entry]!; i < this.entryWordStart[entry + 1]!; i++) {
      words.push(this.vocabulary.words[this.wordIds[i]!]!)
    }
    return words
  }

  /** The accounts carrying entry `entry`'s name. */
  accountsOf(entry: number): readonly { id: string; name: string }[] {
    const first = { id: this.entryIds[entry]!, name: this.entryNames[entry]! }
    const more = this.sharedEntries.get(entry)
    return more === undefined ? [first] : [first, ...more]
  }

  /** The number of distinct normalised names. */
  get size(): number {
    return this.entryIds.length
  }

  /** Resolves a raw name. */
  lookup(raw: string): NameOutcome {
    const words = accountNameTokens(raw)
    if (words.length === 0) return { status: 'unmatched', reason: 'empty_value' }
    const key = words.join(' ')
    const exact = this.byName.get(key)
    if (exact !== undefined) return { status: 'matched', entry: exact, score: 1, method: 'exact' }
    // Spellings that normalise alike ("ACME LBAS", "Acme Lbas, Inc.") share the outcome of the costlier stages.
    let outcome = this.inexact.get(key)
    if (outcome === undefined) {
      outcome = this.inexactLookup(words)
      this.inexact.set(key, outcome)
    }
    return outcome
  }

  private inexactLookup(words: string[]): NameOutcome {
    const rearranged = this.rearranged(words)
    if (rearranged.length === 1) return { status: 'matched', entry: rearranged[0]!, score: 0.98, method: 'rearranged' }
    if (rearranged.length > 1) {
      return {
        status: 'ambiguous',
        entries: rearranged.map((entry) => ({ entry, score: 0.98 })),
        reason: 'close_runner_up',
      }
    }
    if (words.length > MAX_FUZZY_WORDS) return { status: 'unmatched', reason: 'no_candidate' }
    return this.fuzzy(words)
  }

  /** Entries with the same letters ignoring spaces ("CocaCola" / "Coca Cola"), or the same words in another order. */
  private rearranged(words: readonly string[]): number[] {
    const { byCompact, bySorted } = this.prepare()
    const found: number[] = []
    const add = (entry: number | undefined) => {
      if (entry !== undefined && !found.includes(entry)) found.push(entry)
    }
    const compact = words.join('')
    byCompact.forEach(hashOf(compact), (entry) => {
      if (this.wordsOf(entry).join('') === compact) add(entry)
    })
    // A one-word entry's letters are its name.
    if (words.length > 1) add(this.byName.get(compact))
    if (words.length > 1 && found.length === 0) {
      const sorted = [...words].sort().join(' ')
      bySorted.forEach(hashOf(sorted), (entry) => {
        if (this.wordsOf(entry).sort().join(' ') === sorted) add(entry)
      })
      add(this.byName.get(sorted))
    }
    return found.sort((a, b) => a - b)
  }

  private fuzzy(words: string[]): NameOutcome {
    const { postings } = this.prepare()
    const matches = words.map((word) => this.vocabulary.matches(word))
    // Every word must find a counterpart: start from the word whose counterparts occur in the fewest names.
    let seed: WordMatches | undefined
    let seedSize = Number.POSITIVE_INFINITY
    const count = words.length
    for (const match of matches) {
      let size = 0
      for (const id of match.ids) size += postings.list(id, count).length
      if (size < seedSize) {
        seedSize = size
        seed = match
      }
    }
    if (seed === undefined || seedSize === 0) return { status: 'unmatched', reason: 'no_candidate' }
    if (this.seenStamp.length < this.entryIds.length) this.seenStamp = new Int32Array(this.entryIds.length)
    this.stamp++
    const letters = words.join('').length
    // The runner-up counts down to threshold - margin, so prune only what cannot reach that.
    const floor = this.threshold - this.margin
    const maxTypos = (longer: number) => Math.floor((1 - floor) * longer + 1e-9)
    const scored: Scored[] = []
    for (const id of seed.ids) {
      for (const entry of postings.list(id, count)) {
        if (this.seenStamp[entry] === this.stamp) continue
        this.seenStamp[entry] = this.stamp
        // Each typo changes the length by at most one letter: names too different in length cannot reach the threshold.
        const entryLetters = this.entryLetters[entry]!
        if (Math.abs(letters - entryLetters) > maxTypos(Math.max(letters, entryLetters))) continue
        const typos = alignWords(matches, this.wordIds, this.entryWordStart[entry]!, count)
        if (typos >= UNREACHABLE) continue
        scored.push({ entry, score: 1 - typos / Math.max(letters, entryLetters) })
      }
    }
    if (scored.length === 0) return { status: 'unmatched', reason: 'no_candidate' }
    scored.sort((a, b) => b.score - a.score)
    const best = scored[0]!
    if (best.score < this.threshold) return { status: 'unmatched', reason: 'below_threshold' }
    const close = scored.filter((candidate) => best.score - candidate.score < this.margin)
    if (close.length > 1) return { status: 'ambiguous', entries: close.slice(0, 5), reason: 'close_runner_up' }
    return { status: 'matched', entry: best.entry, score: best.score, method: 'fuzzy' }
  }
}

function distanceTo(match: WordMatches, wordId: number): number {
  const index = match.ids.indexOf(wordId)
  return index < 0 ? UNREACHABLE : match.distances[index]!
}

// Scratch space for the alignment of names of up to MAX_FUZZY_WORDS words, reused across lookups.
const costs = new Int32Array(MAX_FUZZY_WORDS * MAX_FUZZY_WORDS)
const bestBySubset = new Int32Array(1 << MAX_FUZZY_WORDS)

/**
 * The fewest typos of a one-to-one alignment of the value's words with an entry's words (same count), or
 * UNREACHABLE when some word has no counterpart. Exact over all assignments: closed forms for one and two words,
 * dynamic programming over subsets of the entry's words beyond, cheap for the few words of a company name.
 */
function alignWords(matches: readonly WordMatches[], wordIds: readonly number[], start: number, n: number): number {
  if (n === 1) return distanceTo(matches[0]!, wordIds[start]!)
  if (n === 2) {
    const straight = distanceTo(matches[0]!, wordIds[start]!) + distanceTo(matches[1]!, wordIds[start + 1]!)
    const crossed = distanceTo(matches[0]!, wordIds[start + 1]!) + distanceTo(matches[1]!, wordIds[start]!)
    return Math.min(straight, crossed, UNREACHABLE)
  }
  for (let i = 0; i < n; i++) {
    let reachable = false
    for (let j = 0; j < n; j++) {
      const cost = distanceTo(matches[i]!, wordIds[start + j]!)
      costs[i * n + j] = cost
      if (cost < UNREACHABLE) reachable = true
    }
    // A word with no counterpart: no alignment, skip the search.
    if (!reachable) return UNREACHABLE
  }
  const full = (1 << n) - 1
  bestBySubset.fill(UNREACHABLE, 0, full + 1)
  bestBySubset[0] = 0
  for (let mask = 0; mask < full; mask++) {
    const sofar = bestBySubset[mask]!
    if (sofar >= UNREACHABLE) continue
    const i = popcount(mask)
    for (let j = 0; j < n; j++) {
      if (mask & (1 << j)) continue
      const next = sofar + costs[i * n + j]!
      const target = mask | (1 << j)
      if (next < bestBySubset[target]!) bestBySubset[target] = next
    }
  }
  return bestBySubset[full]!
}

function popcount(mask: number): number {
  let count = 0
  for (let m = mask; m !== 0; m &= m - 1) count++
  return count
}
