import { describe, expect, it } from 'vitest'
import * as resolve from './index'

describe('resolve area exports (re-exported by @statisfy/posthog-sdk)', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(resolve).sort()).toEqual(
      [
        'ResolveError',
        'ResolveErrorCode',
        'ResolveReason',
        'accountNameTokens',
        'buildAccountIndex',
        'createInMemoryDirectory',
        'crmIdKeys',
        'customFieldKeys',
        'directoryFromPages',
        'domainAncestors',
        'isPublicEmailDomain',
        'isResolveError',
        'normalizeAccountName',
        'normalizeDomain',
        'salesforceId15',
        'toSalesforceId18',
      ].sort(),
    )
  })
})
