import { capitalize } from './generateDirectory'
import type { Random } from './random'
import { ABBREVIATIONS, LEGAL_FORMS } from './vocabulary'

/** The kinds of noise a person or a system adds to a company name. */
export const NAME_NOISE = [
  'casing',
  'legal_form',
  'accents',
  'punctuation',
  'typo',
  'reordered',
  'abbreviation',
  'the',
  'spacing',
] as const
export type NameNoise = (typeof NAME_NOISE)[number]

interface Draft {
  words: string[]
  legalForm: string | undefined
  prefix: string
  style: (text: string) => string
  legalSeparator: string
  joiner: string
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'qsz',
  b: 'vhn',
  c: 'xvd',
  d: 'sfe',
  e: 'wrd',
  f: 'dgr',
  g: 'fht',
  h: 'gjy',
  i: 'uok',
  j: 'hku',
  k: 'jli',
  l: 'kop',
  m: 'nj',
  n: 'bmh',
  o: 'ipl',
  p: 'ol',
  q: 'wa',
  r: 'etf',
  s: 'adw',
  t: 'ryg',
  u: 'yij',
  v: 'cbf',
  w: 'qes',
  x: 'zcs',
  y: 'tuh',
  z: 'xa',
}

/** One typing error in `word`: a swap of neighbours, a dropped, doubled or mistyped letter. */
export function typo(random: Random, word: string): string {
  const i = 1 + random.int(word.length - 2)
  const kind = random.int(4)
  if (kind === 0) return word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2)
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1)
  if (kind === 2) return word.slice(0, i) + word[i]! + word.slice(i)
  const lower = word[i]!.toLowerCase()
  const near = KEYBOARD_NEIGHBOURS[lower]
  return near ? word.slice(0, i) + random.pick([...near]) + word.slice(i + 1) : word.slice(0, i) + word.slice(i + 1)
}

function apply(random: Random, draft: Draft, noise: NameNoise): void {
  switch (noise) {
    case 'casing':
      draft.style = random.pick([
        (text: string) => text.toUpperCase(),
        (text: string) => text.toLowerCase(),
        (text: string) =>
          text
            .split(' ')
            .map((w) => capitalize(w.toLowerCase()))
            .join(' '),
      ])
      return
    case 'legal_form':
      draft.legalForm = draft.legalForm === undefined || random.chance(0.4) ? random.pick(LEGAL_FORMS) : undefined
      draft.legalSeparator = random.pick([' ', ', '])
      return
    case 'accents':
      draft.words = draft.words.map((w) => w.normalize('NFKD').replace(/\p{M}/gu, ''))
      return
    case 'punctuation': {
      const amp = draft.words.indexOf('&')
      if (amp >= 0) draft.words[amp] = 'and'
      else if (draft.words.length > 1) draft.joiner = random.pick(['-', ' - ', ', ', '. '])
      else draft.words = [`${draft.words[0]}.`]
      return
    }
    case 'typo': {
      const long = draft.words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5)
      if (long.length === 0) return
      const [word, index] = random.pick(long)
      draft.words[index] = typo(random, word)
      return
    }
    case 'reordered':
      if (draft.words.length >= 2) {
        const i = random.int(draft.words.length - 1)
        ;[draft.words[i], draft.words[i + 1]] = [draft.words[i + 1]!, draft.words[i]!]
      }
      return
    case 'abbreviation':
      draft.words = draft.words.map((w) => {
        const pair = ABBREVIATIONS.find(([full, short]) => full === w || short === w)
        return pair === undefined ? w : pair[0] === w ? pair[1] : pair[0]
      })
      return
    case 'the':
      draft.prefix = draft.prefix === '' ? 'The ' : ''
      return
    case 'spacing':
      draft.prefix = `  ${draft.prefix}`
      draft.joiner = draft.words.length > 1 && random.chance(0.3) ? '' : '  '
      return
    default:
      noise satisfies never
  }
}

/** A noisy spelling of a company name, with the noise applied (one or two kinds, or none for a clean copy). */
export function nameVariant(
  random: Random,
  words: readonly string[],
  legalForm: string | undefined,
): { value: string; noise: NameNoise[] } {
  const draft: Draft = { words: [...words], legalForm, prefix: '', style: (t) => t, legalSeparator: ' ', joiner: ' ' }
  const noise: NameNoise[] = []
  const count = random.chance(0.1) ? 0 : random.chance(0.6) ? 1 : 2
  for (let i = 0; i < count; i++) {
    const kind = random.pick(NAME_NOISE)
    if (!noise.includes(kind)) noise.push(kind)
  }
  for (const kind of noise) apply(random, draft, kind)
  const body = draft.words.join(draft.joiner)
  const legal = draft.legalForm === undefined ? '' : draft.legalSeparator + draft.legalForm
  return { value: draft.style(draft.prefix + body + legal), noise }
}
