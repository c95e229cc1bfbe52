import { accountNameTokens } from './normalizeAccountName'
import type { AmbiguousReason, MatchMethod, UnmatchedReason } from './ResolveResult'
import { TokenVocabulary, type WordMatches } from './TokenVocabulary'

/** Tuning of the `account_name` resolver's fuzzy stage. */
export interface FuzzyNameOptions {
  /**
   * The least similarity accepted, where similarity is 1 - (typos / letters of the longer name): 0.8 allows one typo
   * in a name of 5 letters or more, two from 10 letters.
   * @default 0.8
   */
  threshold?: number
  /**
   * How much more similar the best name must be than the next one; closer than this is `ambiguous`. At the default,
   * two names one typo apart from the value are always ambiguous, and one typo versus two is not.
   * @default 0.05
   */
  margin?: number
  /**
   * Names with more words than this are matched only exactly or rearranged (the fuzzy stage aligns words pairwise).
   * @default 12
   */
  maxWords?: number
}

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
  private readonly maxWords: number
  private readonly vocabulary = new TokenVocabulary()
  private readonly byName = new Map<string, number>()
  private readonly byCompact = new Map<string, number[]>()
  private readonly bySorted = new Map<string, number[]>()
  /** Per entry: its accounts (ids and directory names), its word ids and its letter count. */
  private readonly entryAccounts: { id: string; name: string }[][] = []
  private readonly entryWords: number[][] = []
  private readonly entryLetters: number[] = []
  /** Per word id: the entries containing it. */
  private readonly postings: number[][] = []
  /** Per-lookup scratch: which entries were already considered, by lookup stamp. */
  private seenStamp = new Int32Array(0)
  private stamp = 0

  constructor(options: FuzzyNameOptions = {}) {
    this.threshold = options.threshold ?? 0.8
    this.margin = options.margin ?? 0.05
    this.maxWords = options.maxWords ?? 12
  }

  /** Adds an account under its name; returns false when the name has no letters or digits. */
  add(accountId: string, name: string): boolean {
    const words = accountNameTokens(name)
    if (words.length === 0) return false
    const key = words.join(' ')
    const existing = this.byName.get(key)
    if (existing !== undefined) {
      const accounts = this.entryAccounts[existing]!
      if (!accounts.some((account) => account.id === accountId)) accounts.push({ id: accountId, name })
      return true
    }
    const entry = this.entryAccounts.length
    this.byName.set(key, entry)
    this.entryAccounts.push([{ id: accountId, name }])
    const ids = words.map((word) => this.vocabulary.intern(word))
    this.entryWords.push(ids)
    this.entryLetters.push(key.length - (words.length - 1))
    for (const id of ids) {
      let posting = this.postings[id]
      if (posting === undefined) {
        posting = []
        this.postings[id] = posting
      }
      if (posting[posting.length - 1] !== entry) posting.push(entry)
    }
    pushTo(this.byCompact, words.join(''), entry)
    pushTo(this.bySorted, [...words].sort().join(' '), entry)
    return true
  }

  /** The accounts carrying entry `entry`'s name. */
  accountsOf(entry: number): readonly { id: string; name: string }[] {
    return this.entryAccounts[entry]!
  }

  /** The number of distinct normalised names. */
  get size(): number {
    return this.entryAccounts.length
  }

  /** Resolves a raw name. */
  lookup(raw: string): NameOutcome {
    const words = accountNameTokens(raw)
    if (words.length === 0) return { status: 'unmatched', reason: 'empty_value' }
    const exact = this.byName.get(words.join(' '))
    if (exact !== undefined) return { status: 'matched', entry: exact, score: 1, method: 'exact' }
    const rearranged = this.byCompact.get(words.join('')) ?? this.bySorted.get([...words].sort().join(' '))
    if (rearranged !== undefined) {
      if (rearranged.length === 1)
        return { status: 'matched', entry: rearranged[0]!, score: 0.98, method: 'rearranged' }
      return {
        status: 'ambiguous',
        entries: rearranged.map((entry) => ({ entry, score: 0.98 })),
        reason: 'close_runner_up',
      }
    }
    if (words.length > this.maxWords) return { status: 'unmatched', reason: 'no_candidate' }
    return this.fuzzy(words)
  }

  private fuzzy(words: string[]): NameOutcome {
    const matches = words.map((word) => this.vocabulary.matches(word))
    // Every word must find a counterpart: start from the word whose counterparts occur in the fewest names.
    let seed: WordMatches | undefined
    let seedSize = Number.POSITIVE_INFINITY
    for (const match of matches) {
      let size = 0
      for (const id of match.ids) size += this.postings[id]!.length
      if (size < seedSize) {
        seedSize = size
        seed = match
      }
    }
    if (seed === undefined || seedSize === 0) return { status: 'unmatched', reason: 'no_candidate' }
    if (this.seenStamp.length < this.entryAccounts.length) this.seenStamp = new Int32Array(this.entryAccounts.length)
    this.stamp++
    const letters = words.join('').length
    const scored: Scored[] = []
    for (const id of seed.ids) {
      for (const entry of this.postings[id]!) {
        if (this.seenStamp[entry] === this.stamp) continue
        this.seenStamp[entry] = this.stamp
        const entryWords = this.entryWords[entry]!
        if (entryWords.length !== words.length) continue
        const typos = alignWords(matches, entryWords)
        if (typos >= UNREACHABLE) continue
        scored.push({ entry, score: 1 - typos / Math.max(letters, this.entryLetters[entry]!) })
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

function pushTo(map: Map<string, number[]>, key: string, entry: number): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [entry])
  else list.push(entry)
}

function distanceTo(match: WordMatches, wordId: number): number {
  const index = match.ids.indexOf(wordId)
  return index < 0 ? UNREACHABLE : match.distances[index]!
}

/**
 * The fewest typos of a one-to-one alignment of the value's words with an entry's words (same count), or
 * UNREACHABLE when some word has no counterpart. Exact over all assignments (dynamic programming over subsets of
 * the entry's words), which is cheap for the few words of a company name.
 */
function alignWords(matches: readonly WordMatches[], entryWords: readonly number[]): number {
  const n = entryWords.length
  if (n === 1) return distanceTo(matches[0]!, entryWords[0]!)
  const cost: number[] = []
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost.push(distanceTo(matches[i]!, entryWords[j]!))
  const best = new Array<number>(1 << n).fill(UNREACHABLE)
  best[0] = 0
  for (let mask = 0; mask < 1 << n; mask++) {
    const sofar = best[mask]!
    if (sofar >= UNREACHABLE) continue
    const i = popcount(mask)
    if (i >= n) continue
    for (let j = 0; j < n; j++) {
      if (mask & (1 << j)) continue
      const next = sofar + cost[i * n + j]!
      const target = mask | (1 << j)
      if (next < best[target]!) best[target] = next
    }
  }
  return best[(1 << n) - 1]!
}

function popcount(mask: number): number {
  let count = 0
  for (let m = mask; m !== 0; m &= m - 1) count++
  return count
}
