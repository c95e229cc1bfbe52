import { describe, expect, it } from 'vitest'
import * as server from './index'

describe('@statisfy/posthog-sdk/server exports', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(server).sort()).toEqual(
      [
        'createGoogleSecretManagerStore',
        'createGuardedFetch',
        'createHostGuard',
        'createMemoryConnectionStore',
        'createMemoryLogger',
        'createMemoryQueryStore',
        'createMemoryRunStore',
        'createMemoryScheduler',
        'createMemorySecretBlobStorage',
        'createPostHogHandler',
        'createSealingSecretStore',
        'createStaticCatalog',
        'findHostGuardError',
        'HostGuardError',
        'HostGuardErrorCode',
        'isHostGuardError',
        'isSecretStoreError',
        'keyHint',
        'POSTHOG_KEY_SECRET',
        'resolveWithNodeDns',
        'SecretStoreError',
        'SecretStoreErrorCode',
        'toNodeHandler',
      ].sort(),
    )
  })
})
