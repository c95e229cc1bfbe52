'use client'
// The public entry of @statisfy/posthog-ui (the HogQL editor lives in '@statisfy/posthog-ui/editor').
// Nothing here touches `window` or `document` at import time, so hosts can import it during SSR.

// The SDK pieces a host needs on the browser side, so it installs one package per side.
export type {
  AggregationGrain,
  ApiCallOptions,
  ApiClient,
  ApiClientOptions,
  ApiErrorCode,
  ApiFinishedRun,
  ApiInFlightRun,
  ApiRejectedRow,
  ApiRun,
  Cadence,
  Catalog,
  CatalogField,
  ConnectionView,
  DryRunResponse,
  GetSchemaResponse,
  PreviewResponse,
  QueryDefinition,
  QueryType,
  SavedQuery,
  TestConnectionResponse,
} from '@statisfy/posthog-sdk'
export { ApiError, createApiClient, isApiError, suggestGrain } from '@statisfy/posthog-sdk'
export type { ConnectFormProps, ConnectFormState } from './components/ConnectForm/ConnectForm'
export { ConnectForm } from './components/ConnectForm/ConnectForm'
export type { ConnectDefaults } from './components/ConnectForm/connectDefaults'
export type { GrainSelectProps, GrainSelectState } from './components/GrainSelect/GrainSelect'
export { GrainSelect } from './components/GrainSelect/GrainSelect'
export type { LiveCheckState } from './components/MappingEditor/LiveCheck'
export type { MappingEditorProps, MappingEditorState } from './components/MappingEditor/MappingEditor'
export { MappingEditor } from './components/MappingEditor/MappingEditor'
export type { DefinitionBase, DraftIssue, MappingDraft } from './components/MappingEditor/mappingDraft'
export { buildDefinition, draftFromDefinition, suggestDraft } from './components/MappingEditor/mappingDraft'
export type { PostHogSettingsProps, PostHogSettingsState } from './components/PostHogSettings/PostHogSettings'
export { PostHogSettings } from './components/PostHogSettings/PostHogSettings'
export type { QueryFlowProps, QueryFlowStep } from './components/PostHogSettings/QueryFlow'
export { QueryFlow } from './components/PostHogSettings/QueryFlow'
export type { QueryListProps } from './components/PostHogSettings/QueryList'
export { QueryList } from './components/PostHogSettings/QueryList'
export type { QueryTemplate } from './components/PostHogSettings/QueryTemplate'
export type {
  PreviewColumn,
  PreviewError,
  PreviewTableProps,
  PreviewTableState,
  PreviewTableTruncation,
} from './components/PreviewTable/PreviewTable'
export { PreviewTable } from './components/PreviewTable/PreviewTable'
export type { ScheduleEditorProps } from './components/ScheduleEditor/ScheduleEditor'
export { ScheduleEditor } from './components/ScheduleEditor/ScheduleEditor'
export type { SyncHistoryProps, SyncHistoryState } from './components/SyncHistory/SyncHistory'
export { SyncHistory } from './components/SyncHistory/SyncHistory'
export type { HogQLEditorHandle, HogQLEditorProps } from './editor/HogQLEditorLazy'
export { HogQLEditorLazy } from './editor/HogQLEditorLazy'
export { postHogQueryKeys } from './hooks/queryKeys'
export { useCatalog } from './hooks/useCatalog'
export { useConnection } from './hooks/useConnection'
export { useDeleteConnection } from './hooks/useDeleteConnection'
export { useDeleteQuery } from './hooks/useDeleteQuery'
export { useDownloadRejectsCsv } from './hooks/useDownloadRejectsCsv'
export type { UseDryRunInput } from './hooks/useDryRun'
export { useDryRun } from './hooks/useDryRun'
export { usePreview } from './hooks/usePreview'
export { useQueries } from './hooks/useQueries'
export type { UseRunOptions } from './hooks/useRun'
export { useRun } from './hooks/useRun'
export { useRunNow } from './hooks/useRunNow'
export { useRunRejects } from './hooks/useRunRejects'
export type { UseRunsOptions } from './hooks/useRuns'
export { useRuns } from './hooks/useRuns'
export { useSaveConnection } from './hooks/useSaveConnection'
export { useSavedQuery } from './hooks/useSavedQuery'
export type { SaveQueryInput } from './hooks/useSaveQuery'
export { useSaveQuery } from './hooks/useSaveQuery'
export { useSchema } from './hooks/useSchema'
export { useSetQueryEnabled } from './hooks/useSetQueryEnabled'
export { useTestConnection } from './hooks/useTestConnection'
export { useValidateHogQL } from './hooks/useValidateHogQL'
export type { Messages } from './i18n/messages'
export { defaultMessages } from './i18n/messages'
export type { Labels } from './i18n/useMessages'
export { useMessages } from './i18n/useMessages'
export type { PostHogIntegrationContextValue } from './provider/PostHogIntegrationContext'
export { usePostHogIntegration } from './provider/PostHogIntegrationContext'
export type { PostHogIntegrationProviderProps } from './provider/PostHogIntegrationProvider'
export { PostHogIntegrationProvider } from './provider/PostHogIntegrationProvider'
export type { Appearance, AppearanceVariables, ThemeName } from './theme/appearance'
export type { KitRootProps } from './theme/KitRoot'
export { KitRoot } from './theme/KitRoot'
export { kitCss } from './theme/kitCss'
