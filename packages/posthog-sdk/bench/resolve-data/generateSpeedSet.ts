import type { DirectoryAccount } from '../../src/resolve/index'
import type { LabelledQuery } from './generateAccuracySet'
import { companyWords, generateDirectory, nameKey } from './generateDirectory'
import { nameVariant } from './nameVariants'
import { createRandom } from './random'

export interface SpeedSet {
  directory: DirectoryAccount[]
  /** Distinct noisy names, 85% of directory accounts and 15% of companies not in it. */
  distinct: LabelledQuery[]
  /** Rows naming an account: every distinct name at least once, the rest drawn uniformly. */
  rows: string[]
}

/** The 100,000 accounts / 1,000,000 rows / 100,000 distinct noisy names workload, deterministic from `seed`. */
export function generateSpeedSet(options: {
  seed: number
  accounts: number
  rows: number
  distinct: number
}): SpeedSet {
  const random = createRandom(options.seed)
  const accounts = generateDirectory(random, options.accounts)
  const taken = new Set(accounts.map((a) => nameKey(a.words)))
  const seen = new Set<string>()
  const distinct: LabelledQuery[] = []
  while (distinct.length < options.distinct) {
    let query: LabelledQuery
    if (random.chance(0.85)) {
      const generated = random.pick(accounts)
      query = {
        ...nameVariant(random, generated.words, generated.legalForm),
        expected: generated.account.id,
        kind: 'variant',
      }
    } else {
      const words = companyWords(random)
      if (taken.has(nameKey(words))) continue
      query = { value: nameVariant(random, words, undefined).value, expected: null, kind: 'negative' }
    }
    if (seen.has(query.value)) continue
    seen.add(query.value)
    distinct.push({ value: query.value, expected: query.expected, kind: query.kind })
  }
  const rows = distinct.map((query) => query.value)
  while (rows.length < options.rows) rows.push(distinct[random.int(distinct.length)]!.value)
  return { directory: accounts.map((a) => a.account), distinct, rows }
}
