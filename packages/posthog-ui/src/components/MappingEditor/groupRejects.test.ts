import { describe, expect, it } from 'vitest'
import { partialRunRejects } from '../../../test/fixtures'
import { groupRejects } from './groupRejects'

describe('groupRejects', () => {
  it('groups by reason and column, largest first, with at most N examples', () => {
    const groups = groupRejects(partialRunRejects, 2)
    expect(groups.map((g) => [g.reason, g.column, g.count])).toEqual([
      ['bad_timestamp', 'day', 3],
      ['unmatched_account', 'org_domain', 1],
      ['ambiguous_account', 'org_domain', 1],
    ])
    expect(groups[0]?.examples.map((e) => e.value)).toEqual(['yesterday', ''])
  })
})
