import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountNameTokens, normalizeAccountName } from './normalizeAccountName'

const LEGAL_FORMS = [
  'Inc',
  'Inc.',
  'Incorporated',
  'LLC',
  'L.L.C.',
  'Ltd',
  'Limited',
  'GmbH',
  'AG',
  'SA',
  'S.A.',
  'S.A.S.',
  'BV',
  'B.V.',
  'NV',
  'Oy',
  'AB',
  'Pty Ltd',
  'PLC',
  'Corp',
  'Corp.',
  'Corporation',
  'Co',
  'Co.',
  'Company',
  'KK',
  'SRL',
  'S.r.l.',
  'SpA',
  'S.p.A.',
  'GmbH & Co. KG',
  'A/S',
  'Sp. z o.o.',
]
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 4, maxLength: 10 })
/** Names of plain words that are not legal forms themselves. */
const plainName = fc
  .array(word, { minLength: 1, maxLength: 4 })
  .filter((words) => words.every((w) => accountNameTokens(w).join(' ') === w && w !== 'the'))
  .map((words) => words.join(' '))
const anyText = fc.string({ unit: 'binary', maxLength: 40 })

describe('normalizeAccountName', () => {
  it('folds case, accents, punctuation, "&" and legal forms', () => {
    expect(normalizeAccountName('ACME, Inc.')).toBe('acme')
    expect(normalizeAccountName('Société Générale S.A.')).toBe('societe generale')
    expect(normalizeAccountName('The Müller & Söhne GmbH & Co. KG')).toBe('muller sohne')
    expect(normalizeAccountName('Ørsted A/S')).toBe('orsted')
    expect(normalizeAccountName("Macy's, L.L.C.")).toBe('macys')
    expect(normalizeAccountName('Acme Sp. z o.o.')).toBe('acme')
    expect(normalizeAccountName('  Smith and   Jones ')).toBe('smith jones')
    expect(normalizeAccountName('Acme Intl Labs Ltd')).toBe('acme international laboratories')
    // Compatibility forms decompose to capitals: "𝐀𝐜𝐦𝐞" (mathematical bold) is "Acme".
    expect(normalizeAccountName('𝐀𝐜𝐦𝐞 ＩＮＣ')).toBe('acme')
  })

  it('keeps a name made only of legal words, and removes legal forms only at the end', () => {
    expect(normalizeAccountName('Company Inc')).toBe('company')
    expect(normalizeAccountName('The Company')).toBe('company')
    expect(normalizeAccountName('Co-op Holdings Europe')).toBe('co op holdings europe')
    expect(normalizeAccountName('')).toBe('')
    expect(normalizeAccountName('---')).toBe('')
  })

  it('keeps subsidiaries apart from their parent', () => {
    expect(normalizeAccountName('Acme Corp')).not.toBe(normalizeAccountName('Acme Labs'))
    expect(normalizeAccountName('Globex')).not.toBe(normalizeAccountName('Globex Europe'))
  })

  it('never throws and is idempotent on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeAccountName(text)
        expect(normalizeAccountName(once)).toBe(once)
      }),
    )
  })

  it('ignores case', () => {
    fc.assert(
      fc.property(plainName, (name) => {
        expect(normalizeAccountName(name.toUpperCase())).toBe(normalizeAccountName(name))
      }),
    )
  })

  it('ignores accents', () => {
    const accent = fc.constantFrom('\u0301', '\u0300', '\u0308', '\u0302', '\u030a', '\u0327')
    fc.assert(
      fc.property(plainName, accent, (name, mark) => {
        const accented = name.replace(/[aeiouc]/g, (letter) => `${letter}${mark}`.normalize('NFC'))
        expect(normalizeAccountName(accented)).toBe(normalizeAccountName(name))
      }),
    )
  })

  it('ignores a legal form at the end, a leading "The" and punctuation around words', () => {
    fc.assert(
      fc.property(plainName, fc.constantFrom(...LEGAL_FORMS), fc.constantFrom(' ', ', '), (name, form, separator) => {
        expect(normalizeAccountName(`${name}${separator}${form}`)).toBe(normalizeAccountName(name))
        expect(normalizeAccountName(`The ${name}`)).toBe(normalizeAccountName(name))
        expect(normalizeAccountName(`"${name.replace(/ /g, ' - ')}"!`)).toBe(normalizeAccountName(name))
      }),
    )
  })
})
