// The wire protocol between @statisfy/posthog-ui and the host backend: operations, zod schemas, and the api client.
export type { ApiErrorBody, ApiIssue } from './ApiError'
export { ApiError, ApiErrorCode, apiErrorBodySchema, apiIssueSchema, isApiError, toApiIssues } from './ApiError'
export type { ApiCallOptions, ApiClient, ApiClientOptions } from './createApiClient'
export { createApiClient } from './createApiClient'
export type { ApiMethod, ApiOperationName, ApiOperationSpec } from './operations'
export { apiOperations } from './operations'
export type { GetCatalogResponse } from './schemas/catalog'
export { getCatalogResponseSchema } from './schemas/catalog'
export type { ApiJsonValue } from './schemas/common'
export {
  apiJsonValueSchema,
  apiLimits,
  cursorSchema,
  hogqlTextSchema,
  isoDateTimeSchema,
  pageLimitSchema,
  resourceIdSchema,
} from './schemas/common'
export type {
  ConnectionView,
  GetConnectionResponse,
  SaveConnectionRequest,
  SaveConnectionResponse,
  ScopeStatus as ApiScopeStatus,
  TestConnectionRequest,
  TestConnectionResponse,
} from './schemas/connection'
export {
  connectionViewSchema,
  getConnectionResponseSchema,
  saveConnectionRequestSchema,
  saveConnectionResponseSchema,
  scopeStatusSchema,
  testConnectionRequestSchema,
  testConnectionResponseSchema,
} from './schemas/connection'
export type { DryRunRequest, DryRunResponse, DryRunSample } from './schemas/dryRun'
export {
  dryRunRequestSchema,
  dryRunResponseSchema,
  dryRunSampleSchema,
} from './schemas/dryRun'
export type {
  GetSchemaResponse,
  HogQLNotice,
  PreviewRequest,
  PreviewResponse,
  PreviewWindow,
  SchemaField,
  SchemaTable,
  ValidateHogQLRequest,
  ValidateHogQLResponse,
} from './schemas/hogql'
export {
  getSchemaResponseSchema,
  hogqlNoticeSchema,
  PreviewTruncation,
  previewRequestSchema,
  previewResponseSchema,
  previewWindowSchema,
  schemaFieldSchema,
  schemaTableSchema,
  validateHogQLRequestSchema,
  validateHogQLResponseSchema,
} from './schemas/hogql'
export type {
  ListQueriesResponse,
  RunQueryResponse,
  SavedQuery,
  SavedQueryResponse,
  SaveQueryRequest,
  SetQueryEnabledRequest,
} from './schemas/queries'
export {
  listQueriesResponseSchema,
  runQueryResponseSchema,
  savedQueryResponseSchema,
  savedQuerySchema,
  saveQueryRequestSchema,
  setQueryEnabledRequestSchema,
} from './schemas/queries'
export type {
  ApiFinishedRun,
  ApiInFlightRun,
  ApiRejectedRow,
  ApiRun,
  GetRunResponse,
  ListRunRejectsQuery,
  ListRunRejectsResponse,
  ListRunsQuery,
  ListRunsResponse,
} from './schemas/runs'
export {
  ApiRunStatus,
  ApiRunTrigger,
  apiFinishedRunSchema,
  apiInFlightRunSchema,
  apiRejectedRowSchema,
  apiRunSchema,
  getRunResponseSchema,
  isRunInFlight,
  isRunStalled,
  listRunRejectsQuerySchema,
  listRunRejectsResponseSchema,
  listRunsQuerySchema,
  listRunsResponseSchema,
  runHeartbeat,
  runLastSavedAt,
} from './schemas/runs'
