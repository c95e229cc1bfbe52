import { type AccountResolver, BUILT_IN_RESOLVERS, customFieldKeyOf } from '../config/index'
import { crmIdKeys } from './crmIdKeys'
import { customFieldKeys } from './customFieldKeys'
import type { DomainIndex } from './DomainIndex'
import type { KeyIndex, KeyOwner } from './KeyIndex'
import type { NameIndex } from './NameIndex'
import { ResolveError, ResolveErrorCode } from './ResolveError'
import type { MatchMethod, Resolution, UnmatchedReason } from './ResolveResult'

/** What went into an index, for run reports and for hosts checking their directory. */
export interface AccountIndexStats {
  /** Distinct accounts read from the directory. */
  accounts: number
  /** Distinct keys per indexed resolver (normalised ids, hosts, field values, names). */
  keys: Record<string, number>
  /** Directory values left out: domains that are not domains or are public mail domains, names without letters. */
  skipped: { invalidDomains: number; publicEmailDomains: number; emptyNames: number }
}

/**
 * An index over the host's accounts, built once per sync by {@link buildAccountIndex}. Lookups are synchronous and
 * cached per distinct (resolver, value), so a million rows naming a thousand accounts cost a thousand resolutions.
 */
export interface AccountIndex {
  /**
   * The resolvers this index answers. Built without `resolvers`, it also answers `custom_field:<key>` for keys no
   * account has (with `no_such_value`).
   */
  readonly resolvers: readonly AccountResolver[]
  readonly stats: AccountIndexStats
  /**
   * Resolves one cell of a query result. `value` is the cell as PostHog returned it (string, number, boolean, null).
   * Objects, NaN, ±Infinity and numbers beyond ±2^53 (rounded by JSON parsing) are `unsupported_value`.
   * The result is shared between equal values (and between addresses at one domain): treat it as read-only. The
   * cache keeps one entry per distinct value for the life of the index, which is one sync.
   * @throws {ResolveError} `resolver_not_indexed` when the index was built without `resolver`.
   */
  resolve(resolver: AccountResolver, value: unknown): Resolution
}

/** The per-resolver indexes of one account index, filled by `buildAccountIndex`. */
export type ResolverIndexes = {
  statisfyId?: KeyIndex
  crmId?: KeyIndex
  orgId?: KeyIndex
  domain?: DomainIndex
  name?: NameIndex
  customFields: Map<string, KeyIndex>
  allCustomFields: boolean
}

/** The {@link AccountIndex} over filled indexes: resolution rules, reasons and the per-value cache. */
export function createAccountIndex(
  indexes: ResolverIndexes,
  names: ReadonlyMap<string, string>,
  stats: AccountIndexStats,
  requested: readonly AccountResolver[] | undefined,
): AccountIndex {
  const resolvers: AccountResolver[] = [
    ...(requested ?? BUILT_IN_RESOLVERS),
    ...(requested ? [] : [...indexes.customFields.keys()].map((key): AccountResolver => `custom_field:${key}`)),
  ]
  if (indexes.statisfyId) stats.keys.statisfy_id = indexes.statisfyId.size
  if (indexes.crmId) stats.keys.crm_id = indexes.crmId.size
  if (indexes.orgId) stats.keys.org_id = indexes.orgId.size
  if (indexes.domain) stats.keys.email_domain = indexes.domain.size
  if (indexes.name) stats.keys.account_name = indexes.name.size
  for (const [field, index] of indexes.customFields) stats.keys[`custom_field:${field}`] = index.size

  const caches = new Map<AccountResolver, Map<unknown, Resolution>>()
  let lastResolver: AccountResolver | undefined
  let lastCache: Map<unknown, Resolution> | undefined
  const nameOf = (accountId: string) => names.get(accountId) ?? accountId

  const fromOwners = (
    resolver: AccountResolver,
    owners: readonly KeyOwner[],
    miss: UnmatchedReason,
    method: MatchMethod = 'exact',
  ): Resolution => {
    if (owners.length === 0) return { status: 'unmatched', reason: miss }
    if (owners.length > 1) {
      const candidates = owners.map((owner) => ({
        accountId: owner.accountId,
        name: nameOf(owner.accountId),
        score: 1,
      }))
      return { status: 'ambiguous', candidates, reason: 'duplicate_key_in_directory' }
    }
    const owner = owners[0]!
    const confidence = method === 'exact' ? 1 : 0.9
    return { status: 'matched', accountId: owner.accountId, resolver, confidence, method, matchedOn: owner.value }
  }

  const byName = (name: NameIndex, text: string): Resolution => {
    const outcome = name.lookup(text)
    switch (outcome.status) {
      case 'unmatched':
        return outcome
      case 'ambiguous': {
        const candidates = outcome.entries.flatMap(({ entry, score }) =>
          name.accountsOf(entry).map((account) => ({ accountId: account.id, name: account.name, score })),
        )
        return { status: 'ambiguous', candidates, reason: outcome.reason }
      }
      case 'matched': {
        const accounts = name.accountsOf(outcome.entry)
        if (accounts.length > 1) {
          const candidates = accounts.map((account) => ({
            accountId: account.id,
            name: account.name,
            score: outcome.score,
          }))
          return { status: 'ambiguous', candidates, reason: 'duplicate_key_in_directory' }
        }
        const account = accounts[0]!
        return {
          status: 'matched',
          accountId: account.id,
          resolver: 'account_name',
          confidence: outcome.score,
          method: outcome.method,
          matchedOn: account.name,
        }
      }
      default:
        return outcome satisfies never
    }
  }

  const compute = (resolver: AccountResolver, value: string | number | boolean): Resolution => {
    const field = customFieldKeyOf(resolver)
    if (field !== undefined) {
      const index = indexes.customFields.get(field)
      if (index === undefined && !indexes.allCustomFields) throw notIndexed(resolver)
      const keys = customFieldKeys(value)
      if (keys.length === 0) return { status: 'unmatched', reason: 'empty_value' }
      return fromOwners(resolver, index?.find(keys) ?? [], 'no_such_value')
    }
    const text = String(value).trim()
    if (text === '') return { status: 'unmatched', reason: 'empty_value' }
    switch (resolver) {
      case 'statisfy_id':
        return fromOwners(resolver, need(indexes.statisfyId, resolver).find([text]), 'no_such_id')
      case 'org_id':
        return fromOwners(resolver, need(indexes.orgId, resolver).find([text]), 'no_such_id')
      case 'crm_id':
        return fromOwners(
          resolver,
          need(indexes.crmId, resolver).find(crmIdKeys(typeof value === 'number' ? value : text)),
          'no_such_id',
        )
      case 'email_domain': {
        const outcome = need(indexes.domain, resolver).lookup(text)
        if (outcome.status === 'unmatched') return outcome
        return fromOwners(resolver, outcome.owners, 'no_such_domain', outcome.method)
      }
      case 'account_name':
        return byName(need(indexes.name, resolver), text)
      default: {
        // Only `custom_field:<key>` is left, and it was answered above.
        const customField: `custom_field:${string}` = resolver
        throw notIndexed(customField)
      }
    }
  }

  return {
    resolvers,
    stats,
    resolve(resolver, value) {
      if (value === null || value === undefined) return { status: 'unmatched', reason: 'empty_value' }
      if (typeof value === 'bigint') value = value.toString()
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return { status: 'unmatched', reason: 'unsupported_value' }
      }
      // NaN and ±Infinity name nothing, and an integer above 2^53 was rounded by JSON parsing: its text is another
      // number's, which could be another account's key.
      if (typeof value === 'number' && !(Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER)) {
        return { status: 'unmatched', reason: 'unsupported_value' }
      }
      // Rows of one sync mostly use one resolver: keep its cache at hand instead of looking it up per row.
      let cache = resolver === lastResolver ? lastCache : caches.get(resolver)
      if (cache === undefined) {
        cache = new Map()
        caches.set(resolver, cache)
      }
      lastResolver = resolver
      lastCache = cache
      // Addresses of one company share its result: cache them by domain, not one entry per person.
      const key = resolver === 'email_domain' && typeof value === 'string' ? emailCacheKey(value) : value
      let result = cache.get(key)
      if (result === undefined) {
        result = compute(resolver, key)
        cache.set(key, result)
      }
      return result
    },
  }
}

const PLAIN_EMAIL = /^[^\s@<>:/]+@([^\s@<>:/?#]+)$/

/** For a plain `local@domain` address, the domain (which resolves alike); any other value as it is. */
function emailCacheKey(value: string): string {
  const plain = PLAIN_EMAIL.exec(value.trim())
  return plain ? plain[1]! : value
}

function need<T>(index: T | undefined, resolver: AccountResolver): T {
  if (index === undefined) throw notIndexed(resolver)
  return index
}

function notIndexed(resolver: AccountResolver): ResolveError {
  return new ResolveError(
    ResolveErrorCode.ResolverNotIndexed,
    `The account index was built without the "${resolver}" resolver: add it to \`resolvers\` in buildAccountIndex().`,
  )
}
