import { KeyIndex, type KeyOwner } from './KeyIndex'
import { domainAncestors, normalizeDomain } from './normalizeDomain'
import { isPublicHost } from './publicEmailDomains'
import type { MatchMethod, UnmatchedReason } from './ResolveResult'

/** What the domain index says about one value. */
export type DomainOutcome =
  | { status: 'owned'; owners: KeyOwner[]; method: MatchMethod }
  | { status: 'unmatched'; reason: UnmatchedReason }

/** Why a directory domain was left out of the index. */
export type SkippedDomain = 'invalid_domain' | 'public_email_domain'

/**
 * The `email_domain` index: normalised hosts to the accounts listing them. A value matches the most specific host it
 * shares with the directory, climbing from its own host to its registrable domain and never above: `eu.app.acme.com`
 * finds the owner of `eu.app.acme.com`, else of `app.acme.com`, else of `acme.com`. A parent domain owned by several
 * accounts is ambiguous, never a guess; public mail domains never match, even when an account lists one.
 */
export class DomainIndex {
  private readonly hosts = new KeyIndex()

  /** Adds a directory domain; returns why it was left out, if it was. */
  add(accountId: string, domain: string): SkippedDomain | undefined {
    const normalized = normalizeDomain(domain)
    if (!normalized.ok) return 'invalid_domain'
    if (isPublicHost(normalized.host, normalized.registrableDomain)) return 'public_email_domain'
    this.hosts.add(normalized.host, accountId, domain)
    return undefined
  }

  /** The number of distinct hosts. */
  get size(): number {
    return this.hosts.size
  }

  /** Resolves an email address, URL or domain. */
  lookup(value: string): DomainOutcome {
    const normalized = normalizeDomain(value)
    if (!normalized.ok) return { status: 'unmatched', reason: normalized.reason }
    if (isPublicHost(normalized.host, normalized.registrableDomain))
      return { status: 'unmatched', reason: 'public_email_domain' }
    for (const level of domainAncestors(normalized.host, normalized.registrableDomain)) {
      const owners = this.hosts.find([level])
      if (owners.length > 0) {
        return { status: 'owned', owners, method: level === normalized.host ? 'exact' : 'parent_domain' }
      }
    }
    return { status: 'unmatched', reason: 'no_such_domain' }
  }
}
