import { describe, expectTypeOf, it } from 'vitest'
import type { PostHogClient } from '../client/index'
import type { AccountIndex } from '../resolve/index'
import type { AccountLookup } from './AccountMatcher'
import type { SyncQueryClient } from './SyncPorts'

describe('sync ports', () => {
  it('the SDK client is a sync query client as it is', () => {
    expectTypeOf<PostHogClient>().toExtend<SyncQueryClient>()
  })

  it('an index from buildAccountIndex is an account lookup', () => {
    expectTypeOf<AccountIndex>().toExtend<AccountLookup>()
  })
})
