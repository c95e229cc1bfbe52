import type { DirectoryAccount } from '../../src/resolve/index'
import { companyWords, type GeneratedAccount, generateDirectory, nameKey, slug } from './generateDirectory'
import { nameVariant } from './nameVariants'
import { createRandom, type Random } from './random'
import { FIRST_NAMES, INDUSTRIES, PUBLIC_MAIL, SUBSIDIARY_WORDS, TLDS } from './vocabulary'

/** One value to resolve, with the account it belongs to (`null`: no account; matching any is a false positive). */
export interface LabelledQuery {
  value: string
  expected: string | null
  /** What kind of variant or negative it is, for the per-kind table. */
  kind: string
  /** The value names an account whose parent or subsidiary, with a near-identical name, is in the directory too. */
  hasSibling?: boolean
}

export interface AccuracySet {
  directory: DirectoryAccount[]
  names: LabelledQuery[]
  domains: LabelledQuery[]
}

/** Names not in the directory: fresh companies, and siblings of directory companies that are not in it. */
function negativeNames(random: Random, accounts: readonly GeneratedAccount[], count: number): LabelledQuery[] {
  const taken = new Set(accounts.map((a) => nameKey(a.words)))
  const queries: LabelledQuery[] = []
  while (queries.length < count) {
    const sibling = random.chance(0.5)
    const base = random.pick(accounts)
    const words = !sibling
      ? companyWords(random)
      : base.words.length < 2 || random.chance(0.5)
        ? [...base.words, random.pick(SUBSIDIARY_WORDS)]
        : [...base.words.slice(0, -1), random.pick(INDUSTRIES)]
    if (taken.has(nameKey(words))) continue
    const { value } = nameVariant(random, words, random.chance(0.5) ? base.legalForm : undefined)
    queries.push({
      value,
      expected: null,
      kind: sibling ? 'negative: sibling not in directory' : 'negative: unknown company',
    })
  }
  return queries
}

function domainQueries(random: Random, accounts: readonly GeneratedAccount[], perAccount: number): LabelledQuery[] {
  const queries: LabelledQuery[] = []
  const hosts = new Set(accounts.map((a) => a.host))
  const person = () => `${random.pick(FIRST_NAMES)}.${random.pick(FIRST_NAMES)}`
  for (const generated of accounts) {
    const { host } = generated
    const id = generated.account.id
    for (let i = 0; i < perAccount; i++) {
      const shape = random.int(7)
      if (shape === 0) queries.push({ value: `${person()}@${host}`, expected: id, kind: 'email' })
      if (shape === 1)
        queries.push({ value: `${person()}@${host.toUpperCase()}`, expected: id, kind: 'email, upper case' })
      if (shape === 2)
        queries.push({ value: `https://www.${host}:8443/pricing?utm=x#top`, expected: id, kind: 'URL with port, path' })
      if (shape === 3) queries.push({ value: `WWW.${host}.`, expected: id, kind: 'www. and trailing dot' })
      if (shape === 4)
        queries.push({ value: `"${person()}" <${person()}@app.${host}>`, expected: id, kind: 'subdomain email' })
      if (shape === 5) queries.push({ value: new URL(`http://${host}`).hostname, expected: id, kind: 'punycode form' })
      if (shape === 6) queries.push({ value: `mailto:${person()}@${host}`, expected: id, kind: 'mailto:' })
    }
  }
  for (const generated of accounts) {
    const parent = generated.parent === undefined ? undefined : accounts[generated.parent]!
    if (parent === undefined || !generated.host.endsWith(`.${parent.host}`)) continue
    // A subsidiary on a subdomain of its parent's domain: its own host is its, any other subdomain the parent's.
    queries.push({
      value: `${person()}@${generated.host}`,
      expected: generated.account.id,
      kind: 'subsidiary on a subdomain of its parent',
    })
    queries.push({
      value: `${person()}@mail.${parent.host}`,
      expected: parent.account.id,
      kind: 'parent, from another subdomain',
    })
  }
  const negatives = Math.ceil(accounts.length * perAccount * 0.25)
  for (let i = 0; i < negatives; i++) {
    const shape = random.int(4)
    if (shape === 0)
      queries.push({ value: `${person()}@${random.pick(PUBLIC_MAIL)}`, expected: null, kind: 'negative: public mail' })
    if (shape === 1) {
      const host = `${slug(companyWords(random), false)}.${random.pick(TLDS)}`
      if (!hosts.has(host))
        queries.push({ value: `${person()}@${host}`, expected: null, kind: 'negative: unknown domain' })
    }
    if (shape === 3) {
      // Same name under another suffix (acme.io when the directory has acme.com): another company until told otherwise.
      const base = random.pick(accounts).host
      const host = `${base.slice(0, base.indexOf('.'))}.${random.pick(TLDS)}`
      if (!hosts.has(host) && ![...hosts].some((h) => h.endsWith(`.${host}`)))
        queries.push({ value: `${person()}@${host}`, expected: null, kind: 'negative: same name, other suffix' })
    }
    if (shape === 2)
      queries.push({
        value: random.pick(['n/a', 'localhost', '10.0.0.7', 'co.uk', '-', 'unknown']),
        expected: null,
        kind: 'negative: not a domain',
      })
  }
  return queries
}

/**
 * The accuracy set, deterministic from `seed`: a directory of `accounts` companies (with subsidiaries whose names are
 * near-identical to their parent's), `namesPerAccount` noisy spellings of each name (typos, legal forms, casing,
 * accents, punctuation, reordered words, abbreviations), 20% as many names of companies that are not in the directory,
 * and email/URL/domain spellings of each account's domain plus public-mail and unknown domains.
 */
export function generateAccuracySet(options: {
  seed: number
  accounts: number
  namesPerAccount: number
  domainsPerAccount: number
}): AccuracySet {
  const random = createRandom(options.seed)
  const accounts = generateDirectory(random, options.accounts)
  const names: LabelledQuery[] = []
  const siblings = new Set<string>()
  for (const generated of accounts) {
    if (generated.parent === undefined) continue
    siblings.add(generated.account.id)
    siblings.add(accounts[generated.parent]!.account.id)
  }
  for (const generated of accounts) {
    for (let i = 0; i < options.namesPerAccount; i++) {
      const { value, noise } = nameVariant(random, generated.words, generated.legalForm)
      names.push({
        value,
        expected: generated.account.id,
        kind: noise.length === 0 ? 'clean copy' : noise.length === 1 ? noise[0]! : 'two kinds of noise',
        hasSibling: siblings.has(generated.account.id),
      })
    }
  }
  names.push(...negativeNames(random, accounts, Math.ceil(names.length * 0.2)))
  return {
    directory: accounts.map((a) => a.account),
    names,
    domains: domainQueries(random, accounts, options.domainsPerAccount),
  }
}
