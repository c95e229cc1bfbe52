import { legalFormLengthAt } from './legalSuffixes'
import { canonicalWord } from './wordAliases'

// Letters NFKD does not decompose into a base letter plus marks.
const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŀ: 'l',
}
const FOLDED = /[ßæœøđðþłıŀ]/g
const MARKS = /\p{M}+/gu
// Removed without a space, so abbreviations and possessives close up: "L.L.C." -> "llc", "A/S" -> "as", "Macy's" -> "macys".
const JOINERS = /[.'’‘`´/]/g
const SEPARATORS = /[^\p{L}\p{N}]+/gu

const ASCII = /^[\x20-\x7e]*$/

function foldTokens(raw: string): string[] {
  const lower = raw.toLowerCase()
  // Most names are printable ASCII, which Unicode decomposition leaves as it is: skip it for them.
  const letters = ASCII.test(lower)
    ? lower
    : lower
        .normalize('NFKD')
        .replace(MARKS, '')
        .replace(FOLDED, (letter) => FOLDED_LETTERS[letter] ?? letter)
  const folded = letters.replace(/&/g, ' and ').replace(JOINERS, '').replace(SEPARATORS, ' ').trim()
  return folded === '' ? [] : folded.split(' ').map(canonicalWord)
}

/**
 * The words of a company name as compared by the `account_name` resolver: lower case, accents removed (NFKD),
 * punctuation dropped, `&` and `and` dropped, common abbreviations unified (`Intl` → `international`, `Labs` → `laboratories`), a leading `The`
 * and trailing legal forms removed (Inc, LLC, L.L.C., Ltd, GmbH, AG, S.A.S., BV, Oy, AB, Pty Ltd, PLC, Corp, Co, KK,
 * SRL, SpA, GmbH & Co. KG ...). A name made only of such words keeps them, so it never normalises to nothing.
 *
 * @example accountNameTokens('The Müller & Söhne GmbH & Co. KG') // ['muller', 'sohne']
 */
export function accountNameTokens(raw: string): string[] {
  const folded = foldTokens(raw)
  // "Smith & Jones", "Smith and Jones" and "Smith Jones" are one name; "and" alone stays a name.
  const words = folded.some((word) => word !== 'and') ? folded.filter((word) => word !== 'and') : folded
  let start = 0
  while (words.length - start > 1 && words[start] === 'the') start++
  let end = words.length
  for (;;) {
    const form = legalFormLengthAt(words, end)
    if (form === 0 || end - form <= start) break
    end -= form
  }
  return words.slice(start, end)
}

/**
 * A company name normalised for comparison: {@link accountNameTokens} joined by single spaces. Two names that
 * normalise alike are treated as the same name. Never throws; idempotent.
 *
 * @example normalizeAccountName('ACME, Inc.') // 'acme'
 * @example normalizeAccountName('Acme Intl Labs Ltd') // 'acme international laboratories'
 * @example normalizeAccountName('Société Générale S.A.') // 'societe generale'
 */
export function normalizeAccountName(raw: string): string {
  return accountNameTokens(raw).join(' ')
}
