import { type AccountResolver, BUILT_IN_RESOLVERS, customFieldKeyOf } from '../config/index'
import type { AccountDirectory, DirectoryAccount } from './AccountDirectory'
import { crmIdKeys } from './crmIdKeys'
import { customFieldKeys } from './customFieldKeys'
import { DomainIndex } from './DomainIndex'
import { KeyIndex, type KeyOwner } from './KeyIndex'
import { type FuzzyNameOptions, NameIndex } from './NameIndex'
import { ResolveError, ResolveErrorCode } from './ResolveError'
import type { MatchMethod, Resolution, UnmatchedReason } from './ResolveResult'

/** Options of {@link buildAccountIndex}. */
export interface BuildAccountIndexOptions {
  /**
   * The resolvers to index. Indexing only those a sync uses saves memory and time on large directories;
   * `resolve()` with any other throws `resolver_not_indexed`.
   * @default every built-in resolver and a `custom_field:<key>` resolver for every custom field the directory has
   */
  resolvers?: readonly AccountResolver[]
  /** Tuning of the `account_name` resolver's typo-tolerant stage. */
  fuzzy?: FuzzyNameOptions
  /** Aborts reading the directory; the build then rejects with a `ResolveError` of code `aborted`. */
  signal?: AbortSignal
}

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
   * The result is shared between equal values (and between addresses at one domain): treat it as read-only. The
   * cache keeps one entry per distinct value for the life of the index, which is one sync.
   * @throws {ResolveError} `resolver_not_indexed` when the index was built without `resolver`.
   */
  resolve(resolver: AccountResolver, value: unknown): Resolution
}

type Indexes = {
  statisfyId?: KeyIndex
  crmId?: KeyIndex
  orgId?: KeyIndex
  domain?: DomainIndex
  name?: NameIndex
  customFields: Map<string, KeyIndex>
  allCustomFields: boolean
}

function planIndexes(resolvers: readonly AccountResolver[] | undefined, fuzzy: FuzzyNameOptions | undefined): Indexes {
  const wanted = new Set<string>(resolvers ?? BUILT_IN_RESOLVERS)
  const customFields = new Map<string, KeyIndex>()
  for (const resolver of resolvers ?? []) {
    const key = customFieldKeyOf(resolver)
    if (key !== undefined) customFields.set(key, new KeyIndex())
  }
  return {
    statisfyId: wanted.has('statisfy_id') ? new KeyIndex() : undefined,
    crmId: wanted.has('crm_id') ? new KeyIndex() : undefined,
    orgId: wanted.has('org_id') ? new KeyIndex() : undefined,
    domain: wanted.has('email_domain') ? new DomainIndex() : undefined,
    name: wanted.has('account_name') ? new NameIndex(fuzzy) : undefined,
    customFields,
    allCustomFields: resolvers === undefined,
  }
}

function checkAccount(account: DirectoryAccount, position: number): void {
  const valid =
    typeof account === 'object' &&
    account !== null &&
    typeof account.id === 'string' &&
    account.id.trim() !== '' &&
    typeof account.name === 'string'
  if (!valid) {
    throw new ResolveError(
      ResolveErrorCode.InvalidDirectoryAccount,
      `The account directory gave an account without a string id and name at position ${position}: every account needs a non-empty \`id\` (the Statisfy account id) and a \`name\`.`,
    )
  }
}

function addAccount(indexes: Indexes, account: DirectoryAccount, stats: AccountIndexStats): void {
  const id = account.id
  indexes.statisfyId?.add(id.trim(), id, id)
  if (indexes.crmId)
    for (const crmId of account.crmIds ?? []) for (const key of crmIdKeys(crmId)) indexes.crmId.add(key, id, crmId)
  if (indexes.orgId) {
    for (const orgId of account.orgIds ?? []) if (orgId.trim() !== '') indexes.orgId.add(orgId.trim(), id, orgId)
  }
  if (indexes.domain) {
    for (const domain of account.domains ?? []) {
      const skipped = indexes.domain.add(id, domain)
      if (skipped === 'invalid_domain') stats.skipped.invalidDomains++
      if (skipped === 'public_email_domain') stats.skipped.publicEmailDomains++
    }
  }
  if (indexes.name && !indexes.name.add(id, account.name)) stats.skipped.emptyNames++
  for (const [field, value] of Object.entries(account.customFields ?? {})) {
    let index = indexes.customFields.get(field)
    if (index === undefined && indexes.allCustomFields) {
      index = new KeyIndex()
      indexes.customFields.set(field, index)
    }
    if (index === undefined) continue
    for (const key of customFieldKeys(value)) index.add(key, id, String(value))
  }
}

/**
 * Reads the host's account directory once and builds the index every row of a sync is resolved against.
 *
 * @example
 * const index = await buildAccountIndex(directory, { resolvers: ['email_domain'] })
 * index.resolve('email_domain', 'jane@eu.acme.com') // { status: 'matched', accountId: 'acc_1', method: 'parent_domain', ... }
 * @throws {ResolveError} `invalid_directory_account`, `directory_failed` (with the directory's error as `cause`), `aborted`
 */
export async function buildAccountIndex(
  directory: AccountDirectory,
  options: BuildAccountIndexOptions = {},
): Promise<AccountIndex> {
  const indexes = planIndexes(options.resolvers, options.fuzzy)
  const stats: AccountIndexStats = {
    accounts: 0,
    keys: {},
    skipped: { invalidDomains: 0, publicEmailDomains: 0, emptyNames: 0 },
  }
  const names = new Map<string, string>()
  const signal = options.signal
  let position = 0
  try {
    for await (const item of directory.accounts(signal ? { signal } : {})) {
      if (signal?.aborted) break
      for (const account of Array.isArray(item) ? (item as readonly DirectoryAccount[]) : [item as DirectoryAccount]) {
        checkAccount(account, position++)
        if (!names.has(account.id)) names.set(account.id, account.name)
        addAccount(indexes, account, stats)
      }
    }
  } catch (error) {
    if (error instanceof ResolveError) throw error
    if (signal?.aborted) throw abortError(signal)
    throw new ResolveError(
      ResolveErrorCode.DirectoryFailed,
      `Reading the account directory failed after ${position} accounts: ${error instanceof Error ? error.message : String(error)}. Check the directory port of the host; the sync resolves nothing without it.`,
      { cause: error },
    )
  }
  if (signal?.aborted) throw abortError(signal)
  stats.accounts = names.size
  return createAccountIndex(indexes, names, stats, options.resolvers)
}

function abortError(signal: AbortSignal): ResolveError {
  return new ResolveError(ResolveErrorCode.Aborted, 'Building the account index was aborted.', { cause: signal.reason })
}

function createAccountIndex(
  indexes: Indexes,
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
