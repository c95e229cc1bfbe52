import type { DirectoryAccount } from '../../src/resolve/index'
import type { Random } from './random'
import {
  ABBREVIATIONS,
  ACCENTED_ROOTS,
  CODAS,
  INDUSTRIES,
  LEGAL_FORMS,
  ONSETS,
  PUBLIC_MAIL,
  ROOTS,
  SUBSIDIARY_WORDS,
  SURNAMES,
  TLDS,
  VOWELS,
} from './vocabulary'

/** A generated account with what the query generator needs to make variants of it. */
export interface GeneratedAccount {
  account: DirectoryAccount
  /** The name without its legal form. */
  words: string[]
  legalForm: string | undefined
  /** The account's main host (without `www.`), as a person would type it (may contain non-ASCII letters). */
  host: string
  /** Index of the parent account for subsidiaries. */
  parent?: number
}

const REGION_SUBDOMAINS = ['eu', 'us', 'de', 'fr', 'uk', 'jp', 'apac', 'emea']

export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

/** A pronounceable invented word of 2 or 3 syllables, like many company names (Globex, Zorvana, Trelix). */
export function coinedWord(random: Random): string {
  const syllables = random.chance(0.7) ? 2 : 3
  let word = ''
  for (let i = 0; i < syllables; i++) {
    word +=
      random.pick(ONSETS) + random.pick(VOWELS) + (i === syllables - 1 || random.chance(0.3) ? random.pick(CODAS) : '')
  }
  return capitalize(word)
}

/** The words of a fresh company name (no legal form). */
export function companyWords(random: Random): string[] {
  const shape = random.next()
  if (shape < 0.25) return [coinedWord(random)]
  if (shape < 0.45) return [coinedWord(random), random.pick(INDUSTRIES)]
  if (shape < 0.62) return [random.pick(ROOTS), random.pick(INDUSTRIES)]
  if (shape < 0.72) return [random.pick(ROOTS), random.pick(ROOTS), random.pick(INDUSTRIES)]
  if (shape < 0.8) return [random.pick(SURNAMES), '&', random.pick(SURNAMES)]
  if (shape < 0.88) return [random.pick(SURNAMES), random.pick(INDUSTRIES)]
  if (shape < 0.94)
    return [random.pick(ACCENTED_ROOTS), random.chance(0.5) ? coinedWord(random) : random.pick(INDUSTRIES)]
  return [random.pick(ROOTS), coinedWord(random), random.pick(INDUSTRIES)]
}

const FULL_WORD = new Map(ABBREVIATIONS.map(([full, short]) => [short, full]))

/**
 * The generator's own idea of "the same name", to keep generated companies distinct: the same words in any order,
 * abbreviations spelled out, accents and punctuation ignored. (Two companies whose names differ only so are the
 * same name to a person too; the resolver is not asked to tell them apart.)
 */
export function nameKey(words: readonly string[]): string {
  return words
    .map((word) => FULL_WORD.get(word) ?? word)
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== 'and')
    .sort()
    .join(' ')
}

export function slug(words: readonly string[], keepAccents: boolean): string {
  const text = words.join(' ').toLowerCase().replace(/&/g, 'and')
  const plain = keepAccents ? text : text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/ł/g, 'l')
  return plain.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')
}

function salesforceId(random: Random): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  let id = '0015'
  while (id.length < 15) id += alphabet[random.int(alphabet.length)]
  return id
}

/**
 * A directory of `count` companies: about 12% are subsidiaries of another generated company with a near-identical
 * name ("Globex" / "Globex Europe", "Zorvex Analytics" / "Zorvex Labs"), some on a subdomain of their parent's domain.
 */
export function generateDirectory(random: Random, count: number): GeneratedAccount[] {
  const accounts: GeneratedAccount[] = []
  const names = new Set<string>()
  const hosts = new Set<string>()
  while (accounts.length < count) {
    const parentIndex = accounts.length > 10 && random.chance(0.12) ? random.int(accounts.length) : undefined
    const parent = parentIndex === undefined ? undefined : accounts[parentIndex]!
    let words: string[]
    if (parent === undefined) words = companyWords(random)
    else if (parent.words.length < 2 || random.chance(0.6)) words = [...parent.words, random.pick(SUBSIDIARY_WORDS)]
    else words = [...parent.words.slice(0, -1), random.pick(INDUSTRIES)]
    const key = nameKey(words)
    if (names.has(key) || key === '') continue
    let host: string
    if (parent !== undefined && random.chance(0.5)) host = `${random.pick(REGION_SUBDOMAINS)}.${parent.host}`
    else host = `${slug(words, random.chance(0.5))}.${random.pick(TLDS)}`
    if (hosts.has(host)) continue
    names.add(key)
    hosts.add(host)
    const legalForm = random.chance(0.6) ? random.pick(LEGAL_FORMS) : undefined
    const id = `acc_${String(accounts.length + 1).padStart(6, '0')}`
    const domains = [random.chance(0.1) ? `https://www.${host}/` : host]
    if (random.chance(0.005)) domains.push(random.pick(PUBLIC_MAIL))
    const crm = random.next()
    accounts.push({
      account: {
        id,
        name: [...words, ...(legalForm ? [legalForm] : [])].join(' '),
        domains,
        crmIds: crm < 0.6 ? [salesforceId(random)] : crm < 0.9 ? [String(1000000 + random.int(90000000))] : [],
      },
      words,
      legalForm,
      host,
      ...(parentIndex === undefined ? {} : { parent: parentIndex }),
    })
  }
  return accounts
}
