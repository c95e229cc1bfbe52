import { describe, expect, it } from 'vitest'
import { keyHint } from '../secrets/keyHint'
import { redactKeys } from './redactKeys'
import { toCsvLine } from './toCsv'

describe('keyHint', () => {
  it('shows the prefix and last four characters only', () => {
    expect(keyHint('phx_1234567890abcdefa1b2')).toBe('phx_…a1b2')
    expect(keyHint('phs_abcdefghijklmnopWXYZ')).toBe('phs_…WXYZ')
  })
  it('shows nothing of a short key', () => {
    expect(keyHint('phx_short')).toBe('phx_…')
  })
})

describe('redactKeys', () => {
  it('removes anything shaped like a PostHog key from text', () => {
    expect(redactKeys('bad key phx_SecretValue123 and phs_Other_Secret-9 here')).toBe('bad key phx_… and phs_… here')
    expect(redactKeys('phc_public_token stays')).toBe('phc_public_token stays')
  })
})

describe('toCsvLine', () => {
  it('quotes separators, quotes and newlines', () => {
    expect(toCsvLine(['a', 'b,c', 'say "hi"', 'two\nlines'])).toBe('a,"b,c","say ""hi""","two\nlines"')
  })
  it('neutralises cells a spreadsheet would evaluate', () => {
    expect(toCsvLine(['=1+1', '+A1', '-2', '@SUM(A1)', 'plain'])).toBe("'=1+1,'+A1,'-2,'@SUM(A1),plain")
  })
})
