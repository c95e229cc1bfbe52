// Legal-form words that say how a company is incorporated, never which company it is. They are removed from the end of
// a name (only the end: "Co" or "AS" elsewhere may be part of the name). Written as the normaliser sees them: lower
// case, accents, dots and slashes removed ("L.L.C." -> "llc", "S.A.S." -> "sas", "A/S" -> "as").
// The abbreviations are those of the ISO 20275 entity legal forms (GLEIF ELF list) most common among B2B customers.
const SINGLE_WORD_FORMS = [
  // United States, Canada
  'inc incorporated corp corporation co company cos llc llp lllp lp pllc ulc',
  // United Kingdom, Ireland, Commonwealth
  'ltd limited plc pty pte pvt cic dac',
  // Germany, Austria, Switzerland
  'gmbh mbh ag kg kgaa ohg ug se',
  // France, Belgium, Luxembourg, Spain, Portugal, Latin America
  'sa sas sasu sarl eurl sca scs sl slu sll lda ltda sab cv bvba sprl',
  // Netherlands, Italy
  'bv nv vof srl srls spa sapa snc',
  // Nordics
  'ab publ as asa aps oy oyj hf ehf',
  // Central and Eastern Europe
  'sro doo dd kft zrt nyrt ooo oao zao pao ad eood ood',
  // Asia
  'kk gk bhd sdn tbk pt',
].flatMap((line) => line.split(' '))

// Legal forms written in several words, matched as a whole at the end of a name.
const MULTI_WORD_FORMS = [
  ['sp', 'z', 'oo'],
  ['kabushiki', 'kaisha'],
  ['private', 'limited'],
  ['public', 'limited', 'company'],
  ['limited', 'liability', 'company'],
  ['s', 'a'],
  ['s', 'l'],
  ['s', 'r', 'l'],
  ['s', 'p', 'a'],
  ['b', 'v'],
  ['n', 'v'],
  ['a', 's'],
  ['l', 'l', 'c'],
  ['k', 'k'],
]

const SINGLE = new Set(SINGLE_WORD_FORMS)

/** How many trailing tokens of `tokens[0..end)` form one legal form (0 when they do not). */
export function legalFormLengthAt(tokens: readonly string[], end: number): number {
  for (const form of MULTI_WORD_FORMS) {
    if (form.length > end) continue
    let same = true
    for (let i = 0; i < form.length && same; i++) same = tokens[end - form.length + i] === form[i]
    if (same) return form.length
  }
  return SINGLE.has(tokens[end - 1]!) ? 1 : 0
}
