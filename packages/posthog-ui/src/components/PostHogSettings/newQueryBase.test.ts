import { queryDefinitionSchema } from '@statisfy/posthog-sdk'
import { describe, expect, it } from 'vitest'
import { usageDefinition } from '../../../test/fixtures'
import { newQueryId } from './newQueryBase'

describe('newQueryId', () => {
  it('makes an id the SDK accepts from any name', () => {
    const now = new Date('2026-11-27T10:00:00Z')
    for (const name of ['Daily usage', 'Ümlaut & émoji 🚀', '', 'x'.repeat(200)]) {
      const id = newQueryId(name, now)
      expect(queryDefinitionSchema.safeParse({ ...usageDefinition, id }).success).toBe(true)
    }
    expect(newQueryId('Daily usage', now)).toMatch(/^daily-usage-[a-z0-9]+$/)
  })
})
