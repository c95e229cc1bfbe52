import type { AccountResolver } from '@statisfy/posthog-sdk'
import { describe, expect, it } from 'vitest'
import { suggestAccount } from './suggestions'

const all: AccountResolver[] = ['email_domain', 'account_name', 'org_id', 'crm_id', 'statisfy_id']
const cols = (...names: string[]) => names.map((name) => ({ name, type: 'String' }))

describe('suggestAccount', () => {
  it.each([
    [['org_id', 'plan'], { resolver: 'org_id', column: 'org_id' }],
    [['email', 'seats'], { resolver: 'email_domain', column: 'email' }],
    [['company_name', 'seats'], { resolver: 'account_name', column: 'company_name' }],
    [['sfdc_account', 'seats'], { resolver: 'crm_id', column: 'sfdc_account' }],
  ])('%j → %j', (names, expected) => {
    expect(suggestAccount(cols(...names), all)).toEqual(expected)
  })

  it('prefers an identifier over a domain when both columns are there', () => {
    expect(suggestAccount(cols('website', 'organization_id'), all)).toEqual({
      resolver: 'org_id',
      column: 'organization_id',
    })
  })

  it('only offers resolvers the host has, and null when no name fits', () => {
    expect(suggestAccount(cols('org_id', 'email'), ['email_domain'])).toEqual({
      resolver: 'email_domain',
      column: 'email',
    })
    expect(suggestAccount(cols('plan', 'seats'), all)).toBeNull()
  })
})
