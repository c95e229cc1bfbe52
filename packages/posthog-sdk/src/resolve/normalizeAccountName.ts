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
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u
// Removed without a space, so abbreviations and possessives close up: "L.L.C." -> "llc", "A/S" -> "as", "Macy's" -> "macys".
const JOINERS = new Set(['.', "'", '’', '‘', '`', '´', '/'])

/** Splits lower-case, accent-free text into words of letters and digits, in one pass without regular expressions. */
function splitWords(text: string): string[] {
  const words: string[] = []
  let word = ''
  let runStart = 0
  // One pass, no closures: this runs for every distinct name of a sync.
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) continue
    const wide = code >= 0xd800 && code <= 0xdbff ? 2 : 1
    const char = i < text.length ? text.slice(i, i + wide) : ' '
    if (JOINERS.has(char)) {
      word += text.slice(runStart, i)
      runStart = i + 1
      continue
    }
    if (code >= 128 && LETTER_OR_DIGIT.test(char)) {
      i += wide - 1
      continue
    }
    word += text.slice(runStart, i)
    if (word !== '') words.push(canonicalWord(word))
    word = ''
    // "&" is a word of its own: "Smith & Jones" reads as "Smith and Jones".
    if (char === '&') words.push('and')
    runStart = i + wide
    i += wide - 1
  }
  return words
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

function foldTokens(raw: string): string[] {
  // Most names are ASCII, which Unicode decomposition leaves as it is: skip it for them.
  if (isAscii(raw)) return splitWords(raw.toLowerCase())
  // Decompose before lower-casing, since compatibility forms can decompose to capitals ("𝚨" -> "Α"), and again after,
  // in case a lower-case form decomposes further: the result must be idempotent for every string.
  const folded = raw.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '')
  return splitWords(folded.replace(FOLDED, (letter) => FOLDED_LETTERS[letter] ?? letter))
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
  const words =
    folded.includes('and') && folded.some((word) => word !== 'and') ? folded.filter((word) => word !== 'and') : folded
  let start = 0
  while (words.length - start > 1 && words[start] === 'the') start++
  let end = words.length
  for (;;) {
    const form = legalFormLengthAt(words, end)
    if (form === 0 || end - form <= start) break
    end -= form
  }
  return start === 0 && end === words.length ? words : words.slice(start, end)
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
