import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { domainAncestors, normalizeDomain } from './normalizeDomain'
import { isPublicEmailDomain } from './publicEmailDomains'

const host = (value: string) => {
  const result = normalizeDomain(value)
  return result.ok ? result.host : result.reason
}

const label = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
  minLength: 1,
  maxLength: 12,
})
const companyHost = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'io', 'de', 'co.uk', 'com.au', 'fr'))
  .map(([labels, suffix]) => `${labels.join('.')}.${suffix}`)
  // A few such hosts are public suffixes themselves (uk.com, eu.com: CentralNic's), not company hosts.
  .filter((host) => normalizeDomain(host).ok)

describe('normalizeDomain', () => {
  it('takes the domain of an email address, URL or bare domain', () => {
    expect(host('jane.doe@Acme.com')).toBe('acme.com')
    expect(host('Jane Doe <jane@EU.App.Acme.com>')).toBe('eu.app.acme.com')
    expect(host('mailto:jane@acme.com')).toBe('acme.com')
    expect(host('https://www.acme.co.uk:8443/pricing?plan=pro#faq')).toBe('acme.co.uk')
    expect(host('acme.com:8080/path')).toBe('acme.com')
    expect(host('//acme.com/x')).toBe('acme.com')
    expect(host('WWW.ACME.COM.')).toBe('acme.com')
    expect(host('www.www2.acme.com')).toBe('acme.com')
    expect(host('https://user:secret@acme.com/')).toBe('acme.com')
  })

  it('turns internationalised names into punycode, from either spelling', () => {
    expect(host('info@müller.de')).toBe('xn--mller-kva.de')
    expect(host('https://MÜLLER.de/')).toBe('xn--mller-kva.de')
    expect(host('xn--mller-kva.de')).toBe('xn--mller-kva.de')
  })

  it('gives the registrable domain by the Public Suffix List', () => {
    expect(normalizeDomain('eu.app.acme.co.uk')).toEqual({
      ok: true,
      host: 'eu.app.acme.co.uk',
      registrableDomain: 'acme.co.uk',
    })
    expect(normalizeDomain('acme.github.io')).toEqual({
      ok: true,
      host: 'acme.github.io',
      registrableDomain: 'acme.github.io',
    })
    expect(normalizeDomain('www.com')).toEqual({ ok: true, host: 'www.com', registrableDomain: 'www.com' })
  })

  it('refuses what is not a company domain', () => {
    for (const value of [
      'localhost',
      '10.0.0.7',
      'http://127.0.0.1/',
      '[::1]',
      'co.uk',
      'a..b.com',
      'exa mple.com',
      '-acme.com',
      'n/a',
      'javascript:alert(1)',
      // Several addresses: which company is meant is a guess.
      'jane@acme.com, bob@globex.io',
      'jane@acme.com;bob@globex.io',
      'mailto:jane@acme.com?cc=bob@globex.io',
    ]) {
      expect(host(value), value).toBe('invalid_domain')
    }
    expect(host('  ')).toBe('empty_value')
  })

  it('never throws, and its host is a fixed point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const result = normalizeDomain(text)
        if (result.ok) {
          expect(normalizeDomain(result.host)).toEqual(result)
          expect(result.host).toMatch(/^[a-z0-9.-]+$/)
          expect(result.host.endsWith(result.registrableDomain)).toBe(true)
        }
      }),
    )
  })

  it('reads every spelling of a host alike', () => {
    fc.assert(
      fc.property(
        companyHost,
        fc.constantFrom('jane@', 'https://www.', 'http://', 'WWW.', ''),
        fc.constantFrom('', '/x?y=1', ':8443/', '.'),
        (h, prefix, suffix) => {
          const expected = host(h)
          const spelled = `${prefix}${h.toUpperCase()}${prefix === 'jane@' ? '' : suffix}`
          expect(host(spelled)).toBe(expected)
        },
      ),
    )
  })
})

describe('domainAncestors', () => {
  it('climbs from the host to its registrable domain, never above', () => {
    expect(domainAncestors('eu.app.acme.com', 'acme.com')).toEqual(['eu.app.acme.com', 'app.acme.com', 'acme.com'])
    expect(domainAncestors('acme.com', 'acme.com')).toEqual(['acme.com'])
  })
})

describe('isPublicEmailDomain', () => {
  it('knows the public mail providers, under every country suffix for the big families', () => {
    const providers = [
      'gmail.com',
      'googlemail.com',
      'outlook.com',
      'hotmail.com',
      'hotmail.co.uk',
      'hotmail.fr',
      'yahoo.com',
      'yahoo.co.jp',
      'icloud.com',
      'proton.me',
      'protonmail.com',
      'aol.com',
      'gmx.de',
      'gmx.at',
      'mail.ru',
      'yandex.ru',
      'yandex.kz',
      'qq.com',
      '163.com',
      'tutanota.com',
      'mail.yahoo.com',
    ]
    for (const provider of providers) expect(isPublicEmailDomain(provider), provider).toBe(true)
  })

  it('reads emails and URLs too', () => {
    expect(isPublicEmailDomain('Jane <jane.doe@GMAIL.com>')).toBe(true)
    expect(isPublicEmailDomain('https://www.Hotmail.co.uk/inbox')).toBe(true)
    expect(isPublicEmailDomain('https://acme.com')).toBe(false)
    expect(isPublicEmailDomain('not a domain')).toBe(false)
  })

  it('does not refuse companies, including those registered under a suffix a list entry names', () => {
    for (const company of ['acme.com', 'google.com', 'microsoft.com', 'acme.net.ua', 'acme.za.com', 'gmailer.io']) {
      expect(isPublicEmailDomain(company), company).toBe(false)
    }
  })
})
