export type { CallOptions, PostHogClient } from './createPostHogClient'
export { createPostHogClient } from './createPostHogClient'
export type { PostHogClientErrorDetails, TimeoutSource, TruncationReason } from './errors/PostHogClientError'
export {
  isConnectionError,
  isHogQLError,
  isPostHogClientError,
  PostHogClientError,
  PostHogClientErrorCode,
} from './errors/PostHogClientError'
export { parseRateLimitWait } from './errors/parseRateLimitWait'
export { parseJsonExact } from './json/parseJsonExact'
export type { RateLimiterState, RateLimitOptions, ReleaseSlot, RequestLimiter } from './limiter/RateLimiter'
export { RateLimiter } from './limiter/RateLimiter'
export type { PostHogClientOptions, WideIntegerMode } from './PostHogClientOptions'
export type { HogQLArm, HogQLShape } from './paging/analyzeHogQL'
export { analyzeHogQL, withExplicitLimit } from './paging/analyzeHogQL'
export type { PagingOptions, QueryAllResult, QueryPage } from './paging/PagingTypes'
export type { HogQLMetadata, MetadataNotice, MetadataOptions } from './resources/getMetadata'
export type { DatabaseField, DatabaseSchema, DatabaseTable } from './resources/getSchema'
export type { HogQLQueryResult, QueryOptions, QueryTiming, RefreshMode, Truncation } from './resources/QueryTypes'
export { MAX_RESULT_ROWS } from './resources/QueryTypes'
export type { CheckedScope, ConnectionProject, ConnectionTestResult, ScopeStatus } from './resources/testConnection'
export { CHECKED_SCOPES } from './resources/testConnection'
export type { RetryOptions } from './retry/RetryOptions'
export type { Clock } from './time/Clock'
export { systemClock } from './time/Clock'
export type { ManualClock } from './time/createManualClock'
export { createManualClock } from './time/createManualClock'
export type { RetryListener } from './transport/Transport'
