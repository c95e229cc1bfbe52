import { describe, expect, it } from 'vitest'
import * as entry from './index'

// Hosts import these names; removing or renaming one is a breaking change, so the list is spelled out.
describe('@statisfy/posthog-ui exports', () => {
  it('exports exactly the public runtime API', () => {
    expect(Object.keys(entry).sort()).toEqual(
      [
        'ApiError',
        'ConnectForm',
        'GrainSelect',
        'HogQLEditorLazy',
        'KitRoot',
        'MappingEditor',
        'PostHogIntegrationProvider',
        'PostHogSettings',
        'PreviewTable',
        'QueryFlow',
        'QueryList',
        'ScheduleEditor',
        'SyncHistory',
        'buildDefinition',
        'createApiClient',
        'defaultMessages',
        'draftFromDefinition',
        'isApiError',
        'kitCss',
        'postHogQueryKeys',
        'suggestDraft',
        'suggestGrain',
        'useCatalog',
        'useConnection',
        'useDeleteConnection',
        'useDeleteQuery',
        'useDownloadRejectsCsv',
        'useDryRun',
        'useMessages',
        'usePostHogIntegration',
        'usePreview',
        'useQueries',
        'useRun',
        'useRunNow',
        'useRunRejects',
        'useRuns',
        'useSaveConnection',
        'useSaveQuery',
        'useSavedQuery',
        'useSchema',
        'useSetQueryEnabled',
        'useTestConnection',
        'useValidateHogQL',
      ].sort(),
    )
  })
})
