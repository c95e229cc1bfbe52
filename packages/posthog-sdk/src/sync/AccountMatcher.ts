import type { AccountResolver } from '../config/index'
import type { Resolution } from '../resolve/index'
import { type JsonValue, toJsonValue } from './jsonValue'

/** What the engine needs of an account index: one resolution per (resolver, value). Built once per sync. */
export interface AccountLookup {
  resolve(resolver: AccountResolver, value: unknown): Resolution
}

/** How a query's account values resolved, counted over distinct values (the UI's "match rate"). */
export interface MatchStats {
  resolver: AccountResolver
  /** Distinct account values looked up. */
  total: number
  matched: number
  unmatched: number
  ambiguous: number
  /** `matched / total`, 0 when nothing was looked up. */
  matchRate: number
  /** A few values that matched nothing, with the resolver's reason. */
  unmatchedExamples: { value: JsonValue; reason: string }[]
  /** A few values that matched several accounts, with the candidates (best first). */
  ambiguousExamples: {
    value: JsonValue
    reason: string
    candidates: { accountId: string; name: string; score: number }[]
  }[]
}

/**
 * Resolves a query's account references with one resolver, once per distinct value (a million usage rows over a
 * thousand accounts cost a thousand lookups), and keeps the statistics the report and the live check show.
 */
export class AccountMatcher {
  private readonly cache = new Map<string, Resolution>()
  private matched = 0
  private unmatched = 0
  private ambiguous = 0
  private readonly unmatchedExamples: MatchStats['unmatchedExamples'] = []
  private readonly ambiguousExamples: MatchStats['ambiguousExamples'] = []

  constructor(
    private readonly index: AccountLookup,
    readonly resolver: AccountResolver,
    private readonly maxExamples = 5,
  ) {}

  /** The resolution of one (trimmed, non-empty) account reference. */
  match(ref: string): Resolution {
    const cached = this.cache.get(ref)
    if (cached) return cached
    const resolution = this.index.resolve(this.resolver, ref)
    this.cache.set(ref, resolution)
    switch (resolution.status) {
      case 'matched':
        this.matched++
        break
      case 'unmatched':
        this.unmatched++
        if (this.unmatchedExamples.length < this.maxExamples) {
          this.unmatchedExamples.push({ value: toJsonValue(ref), reason: resolution.reason })
        }
        break
      case 'ambiguous':
        this.ambiguous++
        if (this.ambiguousExamples.length < this.maxExamples) {
          this.ambiguousExamples.push({
            value: toJsonValue(ref),
            reason: resolution.reason,
            candidates: resolution.candidates.map(({ accountId, name, score }) => ({ accountId, name, score })),
          })
        }
        break
      default:
        resolution satisfies never
    }
    return resolution
  }

  /** Counts and examples so far. */
  stats(): MatchStats {
    const total = this.cache.size
    return {
      resolver: this.resolver,
      total,
      matched: this.matched,
      unmatched: this.unmatched,
      ambiguous: this.ambiguous,
      matchRate: total === 0 ? 0 : this.matched / total,
      unmatchedExamples: [...this.unmatchedExamples],
      ambiguousExamples: [...this.ambiguousExamples],
    }
  }
}
