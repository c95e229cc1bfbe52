'use client'
// The public entry of @statisfy/posthog-ui (the HogQL editor lives in '@statisfy/posthog-ui/editor').
// Nothing here touches `window` or `document` at import time, so hosts can import it during SSR.

export type { ConnectFormProps, ConnectFormState } from './components/ConnectForm/ConnectForm'
export { ConnectForm } from './components/ConnectForm/ConnectForm'
export type {
  PreviewColumn,
  PreviewError,
  PreviewTableProps,
  PreviewTableState,
  PreviewTableTruncation,
} from './components/PreviewTable/PreviewTable'
export { PreviewTable } from './components/PreviewTable/PreviewTable'
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
export { useRun } from './hooks/useRun'
export { useRunNow } from './hooks/useRunNow'
export { useRunRejects } from './hooks/useRunRejects'
export type { UseRunsOptions } from './hooks/useRuns'
export { useRuns } from './hooks/useRuns'
export { useSavedQuery } from './hooks/useSavedQuery'
export type { SaveQueryInput } from './hooks/useSaveQuery'
export { useSaveQuery } from './hooks/useSaveQuery'
export { useSaveConnection } from './hooks/useSaveConnection'
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
