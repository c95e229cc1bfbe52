// Sync engine: run saved queries (read -> map -> resolve -> write), with reports, dry runs and tenant rules.
export type { AccountLookup, MatchStats } from './AccountMatcher'
export { AccountMatcher } from './AccountMatcher'
export type { DryRunReport } from './DryRunReport'
export { dryRunReportSchema, matchStatsSchema } from './DryRunReport'
export type { DryRunPorts } from './dryRunSample'
export { dryRunSample } from './dryRunSample'
export type { JsonValue } from './jsonValue'
export { toJsonObject, toJsonValue } from './jsonValue'
export { NaturalKeyMap } from './NaturalKeyMap'
export { naturalKey } from './naturalKey'
export type { ProductUsageColumns } from './ProductUsageColumns'
export type { RecordSink, Resolved, SinkBatch, SinkBatchOf, SinkRecordByType } from './RecordSink'
export type { ReasonSummary } from './RejectCollector'
export type { RunReport, SampledReject } from './RunReport'
export { RunStatus, runReportSchema, SkipReason, sampledRejectSchema } from './RunReport'
export type { BackfillOptions } from './runBackfill'
export { runBackfill } from './runBackfill'
export { runSync } from './runSync'
export type { TenantQuerySource, TenantRunReport, TenantSyncOptions, TenantSyncPlan } from './runTenant'
export { runTenant } from './runTenant'
export { isSyncError, SyncError, SyncErrorCode } from './SyncError'
export type { PageWritten, SyncOptions } from './SyncOptions'
export type {
  AccountSource,
  SyncClock,
  SyncPorts,
  SyncQueryClient,
  SyncQueryOptions,
  SyncQueryPage,
  SyncWindow,
} from './SyncPorts'
export type { SyncProgress } from './SyncProgress'
export { SyncPhase } from './SyncProgress'
