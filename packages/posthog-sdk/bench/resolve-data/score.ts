import type { AccountResolver } from '../../src/config/index'
import type { AccountIndex } from '../../src/resolve/index'
import type { LabelledQuery } from './generateAccuracySet'

/** Counts of one resolver over a labelled set. */
export interface Score {
  queries: number
  positives: number
  /** Matched to the right account. */
  truePositives: number
  /** Matched to a wrong account, or matched when the value belongs to no account. */
  falsePositives: number
  ambiguous: number
  precision: number
  recall: number
}

/** Precision (right matches / all matches) and recall (right matches / values that belong to an account). */
export function score(queries: readonly LabelledQuery[], matchOf: (value: string) => string | null): Score {
  let positives = 0
  let truePositives = 0
  let falsePositives = 0
  for (const query of queries) {
    if (query.expected !== null) positives++
    const got = matchOf(query.value)
    if (got === null) continue
    if (got === query.expected) truePositives++
    else falsePositives++
  }
  const matched = truePositives + falsePositives
  return {
    queries: queries.length,
    positives,
    truePositives,
    falsePositives,
    ambiguous: 0,
    precision: matched === 0 ? 1 : truePositives / matched,
    recall: positives === 0 ? 1 : truePositives / positives,
  }
}

/** {@link score} for one resolver of an account index, counting ambiguous answers too. */
export function scoreIndex(index: AccountIndex, resolver: AccountResolver, queries: readonly LabelledQuery[]): Score {
  let ambiguous = 0
  const result = score(queries, (value) => {
    const resolution = index.resolve(resolver, value)
    if (resolution.status === 'ambiguous') ambiguous++
    return resolution.status === 'matched' ? resolution.accountId : null
  })
  return { ...result, ambiguous }
}

export const percent = (ratio: number) => `${(ratio * 100).toFixed(2)}%`
