import { describe, expect, it } from 'vitest'
import { crmIdKeys } from './crmIdKeys'

describe('crmIdKeys', () => {
  it('gives the 15- and 18-character forms of a Salesforce id the same key', () => {
    expect(crmIdKeys('001A0000006Vm7k')).toEqual(crmIdKeys('001A0000006Vm7kIAC'))
    expect(crmIdKeys('001A0000006Vm7k')).toEqual(crmIdKeys(' 001a0000006vm7kiac '))
  })

  it('keeps 15-character ids that differ only in case apart', () => {
    expect(crmIdKeys('001A0000006Vm7k')).not.toEqual(crmIdKeys('001a0000006vm7k'))
  })

  it('reads HubSpot ids numerically: leading zeros, whitespace and numbers agree', () => {
    expect(crmIdKeys('00042')).toEqual(['n:42'])
    expect(crmIdKeys(' 42 ')).toEqual(['n:42'])
    expect(crmIdKeys(42)).toEqual(['n:42'])
    expect(crmIdKeys('0')).toEqual(['n:0'])
    expect(crmIdKeys('43')).not.toEqual(crmIdKeys('42'))
  })

  it('gives a 15-digit number both its numeric and its Salesforce key', () => {
    expect(crmIdKeys('001000000000000')).toEqual(['n:1000000000000', 'sf:001000000000000'])
    expect(crmIdKeys('001000000000000AAA')).toContain('sf:001000000000000')
  })

  it('reads GUIDs case-insensitively, with or without braces', () => {
    const guid = '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}'
    expect(crmIdKeys(guid)).toEqual(crmIdKeys('3f2504e0-4f89-11d3-9a0c-0305e82c3301'))
  })

  it('matches any other id exactly, trimmed, and has no key for blanks and unsafe numbers', () => {
    expect(crmIdKeys(' deal-77 ')).toEqual(['x:deal-77'])
    expect(crmIdKeys('Deal-77')).not.toEqual(crmIdKeys('deal-77'))
    expect(crmIdKeys('   ')).toEqual([])
    expect(crmIdKeys(-1)).toEqual([])
    expect(crmIdKeys(2 ** 60)).toEqual([])
  })
})
