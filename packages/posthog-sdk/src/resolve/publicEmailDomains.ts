import freeEmailDomains from 'free-email-domains'
import { domainAncestors, normalizeDomain } from './normalizeDomain'

// Providers that register their brand under many country suffixes (hotmail.co.uk, yahoo.co.jp, gmx.at, yandex.kz...):
// any registrable domain whose name part is one of these is a mail provider, whatever the suffix.
const PROVIDER_FAMILIES = new Set(['hotmail', 'outlook', 'yahoo', 'ymail', 'gmx', 'yandex', 'aol'])

// Consumer providers missing from the packaged list at the version we pin.
const EXTRA_PUBLIC_DOMAINS = [
  'tutanota.com',
  'tutanota.de',
  'tuta.com',
  'tuta.io',
  'hey.com',
  'passport.com',
  'sympatico.ca',
]

let publicDomains: Set<string> | undefined

function publicDomainSet(): Set<string> {
  // Built on first use, so importing the SDK costs nothing for hosts that never resolve by domain.
  publicDomains ??= new Set([...freeEmailDomains, ...EXTRA_PUBLIC_DOMAINS])
  return publicDomains
}

/**
 * True when a normalised host (lower-case ASCII, from {@link normalizeDomain}) and its registrable domain belong to a
 * public mail or disposable-address provider. Only the host and its ancestors down to the registrable domain are
 * compared: a few list entries are themselves public suffixes (`net.ua`, `za.com`), and climbing to them would refuse
 * every company registered under them.
 */
export function isPublicHost(host: string, registrableDomain: string): boolean {
  const set = publicDomainSet()
  if (domainAncestors(host, registrableDomain).some((level) => set.has(level))) return true
  return PROVIDER_FAMILIES.has(registrableDomain.slice(0, registrableDomain.indexOf('.')))
}

/**
 * True when an email address, URL or domain belongs to a public mail or disposable-address provider, so an address
 * there says nothing about the company: `gmail.com`, `googlemail.com`, `outlook.com`, `hotmail.*`, `yahoo.*`,
 * `icloud.com`, `proton.me`, `gmx.*`, `mail.ru`, `yandex.*`, `qq.com`, `163.com`... and their subdomains
 * (`mail.yahoo.com`). False for values that are not domains.
 *
 * The list is the `free-email-domains` package (HubSpot's list of free email providers plus the community-kept
 * disposable-address blocklists, about 14,000 domains), plus provider families under every country suffix.
 *
 * @example isPublicEmailDomain('Jane <jane.doe@GMAIL.com>') // true
 * @example isPublicEmailDomain('https://acme.com') // false
 */
export function isPublicEmailDomain(value: string): boolean {
  const normalized = normalizeDomain(value)
  return normalized.ok && isPublicHost(normalized.host, normalized.registrableDomain)
}
