// Salesforce record ids come in two forms: 15 characters, case-sensitive (what the UI shows), and 18 characters,
// case-insensitive (what the API and reports export). The 3 extra characters encode which of the first 15 are upper-case,
// 5 characters per suffix character, so an 18-character id in any casing names exactly one 15-character id.
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'
const ALPHANUMERIC_15 = /^[0-9A-Za-z]{15}$/
const ALPHANUMERIC_18 = /^[0-9A-Za-z]{18}$/

function isUpper(char: string): boolean {
  return char >= 'A' && char <= 'Z'
}

function isLetter(char: string): boolean {
  const lower = char.toLowerCase()
  return lower >= 'a' && lower <= 'z'
}

function checksum(id15: string): string {
  let suffix = ''
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0
    for (let i = 0; i < 5; i++) {
      if (isUpper(id15[chunk * 5 + i]!)) bits |= 1 << i
    }
    suffix += SUFFIX_ALPHABET[bits]
  }
  return suffix
}

/**
 * The case-correct 15-character form of a Salesforce id given in either form, or `undefined` when `id` is not one.
 * A 15-character id is returned as is (its case is significant); an 18-character id may come all upper- or all
 * lower-case: its checksum restores the case of the first 15 characters. An id whose checksum cannot be right is
 * refused, as is one whose mixed-case first 15 characters disagree with the checksum.
 *
 * @example salesforceId15('001a0000006vm7kiac') // '001A0000006Vm7k' (case restored from the suffix)
 */
export function salesforceId15(id: string): string | undefined {
  if (ALPHANUMERIC_15.test(id)) return id
  if (!ALPHANUMERIC_18.test(id)) return undefined
  let restored = ''
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(id[15 + chunk]!.toUpperCase())
    if (bits < 0) return undefined
    for (let i = 0; i < 5; i++) {
      const char = id[chunk * 5 + i]!
      const upper = (bits & (1 << i)) !== 0
      // A digit can never be flagged upper-case: such a suffix was not computed by Salesforce.
      if (upper && !isLetter(char)) return undefined
      restored += upper ? char.toUpperCase() : char.toLowerCase()
    }
  }
  // A body in one case only may have been recased by a case-insensitive tool; a mixed-case body kept Salesforce's
  // casing, so a suffix that disagrees with it was not computed from it (a typo, or a body edited by hand).
  const body = id.slice(0, 15)
  if (body !== restored && body !== body.toUpperCase() && body !== body.toLowerCase()) return undefined
  return restored
}

/**
 * The 18-character form of a Salesforce id given in either form (15 characters case-sensitive, or 18 in any casing),
 * or `undefined` when `id` is not a Salesforce id.
 *
 * @example toSalesforceId18('001A0000006Vm7k') // '001A0000006Vm7kIAC'
 */
export function toSalesforceId18(id: string): string | undefined {
  const id15 = salesforceId15(id.trim())
  return id15 === undefined ? undefined : id15 + checksum(id15)
}
