import type { ApiClient, ApiError, ApiRun, ListRunsResponse, SavedQuery } from '@statisfy/posthog-sdk'
import type { InfiniteData } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import type { useConnection } from './useConnection'
import type { useRun } from './useRun'
import type { useRuns } from './useRuns'
import type { SaveQueryInput, useSaveQuery } from './useSaveQuery'
import type { useSetQueryEnabled } from './useSetQueryEnabled'

describe('hook types', () => {
  it('surface the api client’s types and ApiError', () => {
    expectTypeOf<ReturnType<typeof useConnection>['error']>().toEqualTypeOf<ApiError | null>()
    expectTypeOf<ReturnType<typeof useRun>['data']>().toEqualTypeOf<ApiRun | undefined>()
    expectTypeOf<ReturnType<typeof useRuns>['data']>().toEqualTypeOf<
      InfiniteData<ListRunsResponse, string | undefined> | undefined
    >()
  })

  it('take what the api client takes', () => {
    expectTypeOf<SaveQueryInput>().toEqualTypeOf<Parameters<ApiClient['saveQuery']>[0]>()
    expectTypeOf<Parameters<ReturnType<typeof useSaveQuery>['mutate']>[0]>().toEqualTypeOf<SaveQueryInput>()
    expectTypeOf<ReturnType<typeof useSaveQuery>['data']>().toEqualTypeOf<SavedQuery | undefined>()
    expectTypeOf<Parameters<ReturnType<typeof useSetQueryEnabled>['mutate']>[0]>().toEqualTypeOf<{
      queryId: string
      enabled: boolean
    }>()
  })
})
