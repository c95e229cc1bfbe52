const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'

/**
 * Turns a 15-character Salesforce id into its 18-character case-insensitive form (the checksum suffix encodes
 * which characters of each 5-character chunk are upper case), so seeded CRM ids are real-looking and convertible.
 */
export function salesforceId18(id15: string): string {
  let suffix = ''
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0
    for (let i = 0; i < 5; i++) {
      const ch = id15[chunk * 5 + i]!
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i
    }
    suffix += SUFFIX_ALPHABET[bits]
  }
  return id15 + suffix
}
