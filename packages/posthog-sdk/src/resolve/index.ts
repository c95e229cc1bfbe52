export type { AccountDirectory, DirectoryAccount } from './AccountDirectory'
export type { AccountIndex, AccountIndexStats } from './AccountIndex'
export type { BuildAccountIndexOptions } from './buildAccountIndex'
export { buildAccountIndex } from './buildAccountIndex'
export { createInMemoryDirectory } from './createInMemoryDirectory'
export { crmIdKeys } from './crmIdKeys'
export { customFieldKeys } from './customFieldKeys'
export type { DirectoryPage } from './directoryFromPages'
export { directoryFromPages } from './directoryFromPages'
export type { FuzzyNameOptions } from './NameIndex'
export { accountNameTokens, normalizeAccountName } from './normalizeAccountName'
export type { DomainProblem, NormalizedDomain } from './normalizeDomain'
export { domainAncestors, normalizeDomain } from './normalizeDomain'
export { isPublicEmailDomain } from './publicEmailDomains'
export { isResolveError, ResolveError, ResolveErrorCode } from './ResolveError'
export type {
  AmbiguousReason,
  AmbiguousResolution,
  MatchedResolution,
  MatchMethod,
  Resolution,
  ResolutionCandidate,
  UnmatchedReason,
  UnmatchedResolution,
} from './ResolveResult'
export { ResolveReason } from './ResolveResult'
export { salesforceId15, toSalesforceId18 } from './salesforceId'
