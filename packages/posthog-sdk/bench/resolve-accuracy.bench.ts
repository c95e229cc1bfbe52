// Precision and recall of the account_name and email_domain resolvers on the generated accuracy set
// (bench/resolve-data/, deterministic from its seeds). Goal: precision >= 99.5%, recall >= 95%.
import { buildAccountIndex, createInMemoryDirectory } from '../src/resolve/index'
import { generateAccuracySet, type LabelledQuery } from './resolve-data/generateAccuracySet'
import { percent, type Score, scoreIndex } from './resolve-data/score'

const SEEDS = [1, 2, 3]
const SIZE = { accounts: 5_000, namesPerAccount: 3, domainsPerAccount: 2 }

// Rows of values that belong to no account have no precision or recall of their own: their wrong matches count.
const row = (label: string, s: Score) =>
  s.positives === 0
    ? `| ${label} | ${s.queries} | 0 | — | — | ${s.falsePositives} | ${s.ambiguous} |`
    : `| ${label} | ${s.queries} | ${s.positives} | ${percent(s.precision)} | ${percent(s.recall)} | ${s.falsePositives} | ${s.ambiguous} |`
const header = [
  '| set | values | belong to an account | precision | recall | wrong matches | ambiguous |',
  '|---|---:|---:|---:|---:|---:|---:|',
]

function byKind(queries: readonly LabelledQuery[]): Map<string, LabelledQuery[]> {
  const groups = new Map<string, LabelledQuery[]>()
  for (const query of queries) groups.set(query.kind, [...(groups.get(query.kind) ?? []), query])
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)))
}

const lines = [...header]
let first: { names: Map<string, Score>; domains: Map<string, Score> } | undefined
for (const seed of SEEDS) {
  const set = generateAccuracySet({ seed, ...SIZE })
  const index = await buildAccountIndex(createInMemoryDirectory(set.directory), {
    resolvers: ['account_name', 'email_domain'],
  })
  lines.push(row(`seed ${seed}: account_name`, scoreIndex(index, 'account_name', set.names)))
  lines.push(
    row(
      `seed ${seed}: account_name, accounts with a near-identical parent or subsidiary`,
      scoreIndex(
        index,
        'account_name',
        set.names.filter((query) => query.hasSibling),
      ),
    ),
  )
  lines.push(row(`seed ${seed}: email_domain`, scoreIndex(index, 'email_domain', set.domains)))
  if (first === undefined) {
    first = {
      names: new Map([...byKind(set.names)].map(([kind, qs]) => [kind, scoreIndex(index, 'account_name', qs)])),
      domains: new Map([...byKind(set.domains)].map(([kind, qs]) => [kind, scoreIndex(index, 'email_domain', qs)])),
    }
  }
}
console.log(
  `Accuracy set: ${SIZE.accounts} accounts per seed, ${SIZE.namesPerAccount} noisy names and ${SIZE.domainsPerAccount} domain spellings per account, plus negatives.\n`,
)
console.log(lines.join('\n'))
if (first) {
  console.log(`\nBy kind of value (seed ${SEEDS[0]}):\n`)
  console.log(
    [
      ...header,
      ...[...first.names].map(([k, s]) => row(`name: ${k}`, s)),
      ...[...first.domains].map(([k, s]) => row(`domain: ${k}`, s)),
    ].join('\n'),
  )
}
