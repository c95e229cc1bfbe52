import { describe, expect, it } from 'vitest'
import { hrefOf, parseRoute } from './parseRoute'

describe('parseRoute', () => {
  it('starts on Settings and reads every page', () => {
    expect(parseRoute('')).toEqual({ page: 'settings' })
    expect(parseRoute('#/')).toEqual({ page: 'settings' })
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' })
    expect(parseRoute('#/accounts/')).toEqual({ page: 'accounts' })
    expect(parseRoute('#/accounts/acc_org%2F1')).toEqual({ page: 'account', accountId: 'acc_org/1' })
    expect(parseRoute('#/runs/run_1')).toEqual({ page: 'run', runId: 'run_1' })
  })

  it('says which path is unknown', () => {
    expect(parseRoute('#/nope')).toEqual({ page: 'not_found', path: '/nope' })
    expect(parseRoute('#/accounts/a/b')).toEqual({ page: 'not_found', path: '/accounts/a/b' })
    expect(parseRoute('#/accounts/%E0%A4%A')).toEqual({ page: 'not_found', path: '/accounts/%E0%A4%A' })
  })

  it('round-trips links', () => {
    for (const route of [
      { page: 'settings' },
      { page: 'accounts' },
      { page: 'account', accountId: 'acc_x y/z' },
      { page: 'run', runId: 'run#1' },
    ] as const) {
      expect(parseRoute(hrefOf(route))).toEqual(route)
    }
  })
})
