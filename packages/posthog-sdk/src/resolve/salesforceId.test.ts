import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { salesforceId15, toSalesforceId18 } from './salesforceId'

const alphanumeric = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
const id15 = fc.array(alphanumeric, { minLength: 15, maxLength: 15 }).map((chars) => chars.join(''))

describe('Salesforce ids', () => {
  it('appends the checksum that Salesforce computes', () => {
    // Pairs as Salesforce shows them (15 characters in the UI, 18 in the API).
    expect(toSalesforceId18('001A0000006Vm7k')).toBe('001A0000006Vm7kIAC')
    expect(toSalesforceId18('0015000000Vz3xQ')).toBe('0015000000Vz3xQAAR')
    expect(toSalesforceId18('001000000000000')).toBe('001000000000000AAA')
  })

  it('reads an 18-character id in any casing as one 15-character id', () => {
    expect(salesforceId15('001A0000006Vm7kIAC')).toBe('001A0000006Vm7k')
    expect(salesforceId15('001a0000006vm7kiac')).toBe('001A0000006Vm7k')
    expect(salesforceId15('001A0000006VM7KIAC')).toBe('001A0000006Vm7k')
  })

  it('keeps a 15-character id as is: its case is significant', () => {
    expect(salesforceId15('001A0000006Vm7k')).toBe('001A0000006Vm7k')
    expect(salesforceId15('001a0000006vm7k')).toBe('001a0000006vm7k')
    expect(toSalesforceId18('001a0000006vm7k')).not.toBe(toSalesforceId18('001A0000006Vm7k'))
  })

  it('refuses a suffix that flags a digit as upper case, and values of other lengths or characters', () => {
    // "5" in the suffix flags positions 0 and 2 of the first chunk, which are digits in "001A0".
    expect(salesforceId15('001A0000006Vm7k5AC')).toBeUndefined()
    expect(salesforceId15('001A0000006Vm7')).toBeUndefined()
    expect(salesforceId15('001A0000006Vm7k-AC')).toBeUndefined()
    expect(toSalesforceId18('not an id')).toBeUndefined()
  })

  it('refuses an 18-character id whose mixed-case body contradicts its suffix (a corrupted id, not a recasing)', () => {
    // "AAA" says every letter of the body is lower-case; "001A0000006Vm7k" has upper-case letters.
    expect(salesforceId15('001A0000006Vm7kAAA')).toBeUndefined()
    expect(salesforceId15('001A0000006vm7kIAC')).toBeUndefined()
    // A body in one case only was recased by some tool: the suffix restores it.
    expect(salesforceId15('001a0000006vm7kIAC')).toBe('001A0000006Vm7k')
    expect(salesforceId15('001A0000006VM7KIAC')).toBe('001A0000006Vm7k')
  })

  it('round-trips every 15-character id through its 18-character form in any casing', () => {
    fc.assert(
      fc.property(id15, (id) => {
        const long = toSalesforceId18(id)!
        expect(long).toHaveLength(18)
        expect(long.slice(0, 15)).toBe(id)
        expect(salesforceId15(long.toLowerCase())).toBe(id)
        expect(salesforceId15(long.toUpperCase())).toBe(id)
        expect(salesforceId15(long)).toBe(id)
      }),
    )
  })
})
