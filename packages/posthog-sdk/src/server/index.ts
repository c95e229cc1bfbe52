// @statisfy/posthog-sdk/server: the host backend's side. The handler, its ports with in-memory implementations,
// secret stores and the API-host guard. Runs on Node 20+, Deno, Bun and edge runtimes (the default DNS resolver
// loads node:dns lazily; pass hostGuard.resolve where it is missing).

export type { GuardedFetchOptions } from './guard/createGuardedFetch'
export { createGuardedFetch } from './guard/createGuardedFetch'
export type { HostGuard, HostGuardOptions } from './guard/createHostGuard'
export { createHostGuard } from './guard/createHostGuard'
export { findHostGuardError, HostGuardError, HostGuardErrorCode, isHostGuardError } from './guard/HostGuardError'
export type { HostnameResolver } from './guard/resolveHostname'
export { resolveWithNodeDns } from './guard/resolveHostname'
export type { PostHogHandlerLimits, PostHogHandlerOptions } from './handler/createPostHogHandler'
export { createPostHogHandler } from './handler/createPostHogHandler'
export { POSTHOG_KEY_SECRET } from './handler/RouteContext'
export { createMemoryConnectionStore } from './memory/createMemoryConnectionStore'
export type { LogEntry, MemoryLogger } from './memory/createMemoryLogger'
export { createMemoryLogger } from './memory/createMemoryLogger'
export { createMemoryQueryStore } from './memory/createMemoryQueryStore'
export { createMemoryRunStore } from './memory/createMemoryRunStore'
export type { MemoryScheduler, MemorySchedulerOptions } from './memory/createMemoryScheduler'
export { createMemoryScheduler } from './memory/createMemoryScheduler'
export { createStaticCatalog } from './memory/createStaticCatalog'
export { toNodeHandler } from './node/toNodeHandler'
export type { Authorize, AuthorizeRejection, TenantContext } from './ports/Authorize'
export type { CatalogProvider } from './ports/CatalogProvider'
export type { ConnectionStore, StoredConnection } from './ports/ConnectionStore'
export type { LogFields, Logger } from './ports/Logger'
export type { QueryStore, StoredQuery } from './ports/QueryStore'
export type { RejectPage, RunPage, RunStore } from './ports/RunStore'
export type { Scheduler, SchedulerEvent } from './ports/Scheduler'
export type { SecretStore } from './ports/SecretStore'
export type {
  GoogleSecretManagerClientLike,
  GoogleSecretManagerStoreOptions,
} from './secrets/createGoogleSecretManagerStore'
export { createGoogleSecretManagerStore } from './secrets/createGoogleSecretManagerStore'
export type { MemorySecretBlobStorage } from './secrets/createMemorySecretBlobStorage'
export { createMemorySecretBlobStorage } from './secrets/createMemorySecretBlobStorage'
export type {
  SealingKey,
  SealingSecretStore,
  SealingSecretStoreOptions,
  SecretBlobStorage,
} from './secrets/createSealingSecretStore'
export { createSealingSecretStore } from './secrets/createSealingSecretStore'
export { keyHint } from './secrets/keyHint'
export { isSecretStoreError, SecretStoreError, SecretStoreErrorCode } from './secrets/SecretStoreError'
