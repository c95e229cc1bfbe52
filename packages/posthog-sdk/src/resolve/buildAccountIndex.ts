import type { AccountResolver } from '../config/index'
import { BUILT_IN_RESOLVERS, customFieldKeyOf } from '../config/index'
import type { AccountDirectory, DirectoryAccount } from './AccountDirectory'
import { type AccountIndex, type AccountIndexStats, createAccountIndex, type ResolverIndexes } from './AccountIndex'
import { crmIdKeys } from './crmIdKeys'
import { customFieldKeys } from './customFieldKeys'
import { DomainIndex } from './DomainIndex'
import { KeyIndex } from './KeyIndex'
import { type FuzzyNameOptions, NameIndex } from './NameIndex'
import { ResolveError, ResolveErrorCode } from './ResolveError'

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

function planIndexes(
  resolvers: readonly AccountResolver[] | undefined,
  fuzzy: FuzzyNameOptions | undefined,
): ResolverIndexes {
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

function addAccount(indexes: ResolverIndexes, account: DirectoryAccount, stats: AccountIndexStats): void {
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
