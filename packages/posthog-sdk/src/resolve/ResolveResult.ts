import type { AccountResolver } from '../config/index'

/** Stable codes saying why a value resolved to no account, or to several. */
export const ResolveReason = {
  /** The value is null, undefined or blank. */
  EmptyValue: 'empty_value',
  /**
   * The value is an object or array, which no resolver can read as a key, or a number that names nothing exactly:
   * NaN, ±Infinity, or beyond ±2^53 (JSON parsing rounded it; select such ids as text in HogQL).
   */
  UnsupportedValue: 'unsupported_value',
  /** No account has this id (statisfy_id, crm_id, org_id). */
  NoSuchId: 'no_such_id',
  /** No account has this value in the custom field. */
  NoSuchValue: 'no_such_value',
  /** Not an email address, URL or domain with a registrable domain (IP addresses, `localhost`, `co.uk`...). */
  InvalidDomain: 'invalid_domain',
  /** A public mail or disposable-address provider (gmail.com, outlook.com...): it says nothing about the company. */
  PublicEmailDomain: 'public_email_domain',
  /** No account owns this domain or one of its parents up to the registrable domain. */
  NoSuchDomain: 'no_such_domain',
  /** No account name shares the value's words, even allowing for typos. */
  NoCandidate: 'no_candidate',
  /** The closest account names differ by more than the fuzzy threshold allows. */
  BelowThreshold: 'below_threshold',
  /** Ambiguous: two account names are about as close; the resolver does not guess between them. */
  CloseRunnerUp: 'close_runner_up',
  /** Ambiguous: several accounts share the key (the same id, domain, field value or normalised name). */
  DuplicateKeyInDirectory: 'duplicate_key_in_directory',
} as const
export type ResolveReason = (typeof ResolveReason)[keyof typeof ResolveReason]

/** The reasons an `unmatched` result can carry. */
export type UnmatchedReason = Exclude<ResolveReason, 'close_runner_up' | 'duplicate_key_in_directory'>
/** The reasons an `ambiguous` result can carry. */
export type AmbiguousReason = Extract<ResolveReason, 'close_runner_up' | 'duplicate_key_in_directory'>

/** How a match was made, from the most to the least certain. */
export type MatchMethod =
  /** The key equals the account's key (ids, custom fields, a domain the account lists, a name equal after normalisation). */
  | 'exact'
  /** A domain the account lists is a parent of the value's host (`eu.app.acme.com` → `acme.com`). */
  | 'parent_domain'
  /** The names are equal once spaces are ignored or words are reordered (`CocaCola` / `Coca-Cola`, `Labs Acme`). */
  | 'rearranged'
  /** The names differ by a few typos within the threshold, with a clear margin over any other account. */
  | 'fuzzy'

/** A value resolved to exactly one account. */
export interface MatchedResolution {
  status: 'matched'
  /** The Statisfy account id. */
  accountId: string
  resolver: AccountResolver
  /** 1 for exact matches; below 1 for parent domains, rearranged and fuzzy names (the similarity, 0..1). */
  confidence: number
  method: MatchMethod
  /** The directory's value that matched: the id, domain, field value or account name, as the directory gave it. */
  matchedOn: string
}

/** A value resolved to no account; the row is not written. */
export interface UnmatchedResolution {
  status: 'unmatched'
  reason: UnmatchedReason
}

/** One account a value could belong to. */
export interface ResolutionCandidate {
  accountId: string
  /** The account's name in the directory. */
  name: string
  /** Similarity to the value, 0..1 (1 for a shared exact key). */
  score: number
}

/** A value that fits several accounts; the resolver refuses to guess and the row is not written. */
export interface AmbiguousResolution {
  status: 'ambiguous'
  /** The accounts it could be, best first. */
  candidates: ResolutionCandidate[]
  reason: AmbiguousReason
}

/** The outcome of resolving one value with one resolver. */
export type Resolution = MatchedResolution | UnmatchedResolution | AmbiguousResolution
