import { describe, expectTypeOf, it } from 'vitest'
import type { AccountResolver } from '../config/index'
import type { AccountIndex, Resolution, ResolveReason } from './index'

describe('resolve types', () => {
  it('takes any account resolver, including custom fields, and nothing else', () => {
    expectTypeOf<AccountIndex['resolve']>().parameter(0).toEqualTypeOf<AccountResolver>()
    expectTypeOf<'custom_field:plan'>().toExtend<Parameters<AccountIndex['resolve']>[0]>()
    expectTypeOf<'bogus'>().not.toExtend<Parameters<AccountIndex['resolve']>[0]>()
  })

  it('narrows a resolution by status', () => {
    const check = (resolution: Resolution) => {
      switch (resolution.status) {
        case 'matched':
          expectTypeOf(resolution.accountId).toBeString()
          expectTypeOf(resolution.confidence).toBeNumber()
          return
        case 'ambiguous':
          expectTypeOf(resolution.candidates).items.toHaveProperty('score')
          expectTypeOf(resolution.reason).toEqualTypeOf<'close_runner_up' | 'duplicate_key_in_directory'>()
          return
        case 'unmatched':
          expectTypeOf(resolution.reason).toExtend<ResolveReason>()
          expectTypeOf<'close_runner_up'>().not.toExtend<typeof resolution.reason>()
          return
        default:
          resolution satisfies never
      }
    }
    expectTypeOf(check).toBeFunction()
  })
})
