import { describe, expect, it } from 'vitest'
import { connectionView } from '../../../test/fixtures'
import { initialConnectFields } from './connectDefaults'

describe('initialConnectFields', () => {
  it.each([
    ['https://us.posthog.com', 'us', ''],
    ['https://eu.posthog.com', 'eu', ''],
    // Spellings the SDK normalises to a cloud host still pick the region rather than a self-hosted URL.
    ['EU.posthog.com/', 'eu', ''],
    ['https://app.posthog.com', 'us', ''],
    ['https://posthog.example.com/project/1', 'self-hosted', 'https://posthog.example.com'],
    ['http://localhost:8010', 'self-hosted', 'http://localhost:8010'],
    // Refused by the SDK: shown as given, so Test connection says what to use instead.
    ['https://eu.i.posthog.com', 'self-hosted', 'https://eu.i.posthog.com'],
  ])('without a saved connection, apiHost %s selects %s', (apiHost, choice, url) => {
    expect(initialConnectFields(null, { apiHost })).toMatchObject({ choice, url })
  })

  it('fills the project id and key from the defaults', () => {
    expect(initialConnectFields(null, { projectId: 42, personalApiKey: 'phx_demo' })).toEqual({
      choice: 'us',
      url: '',
      projectId: '42',
      key: 'phx_demo',
    })
    expect(initialConnectFields(null, { projectId: ' 7 ' }).projectId).toBe('7')
  })

  it('starts empty on US Cloud without defaults', () => {
    expect(initialConnectFields(null, undefined)).toEqual({ choice: 'us', url: '', projectId: '', key: '' })
    expect(initialConnectFields(null, { apiHost: '  ' })).toEqual({ choice: 'us', url: '', projectId: '', key: '' })
  })

  it('ignores the defaults when a connection is saved', () => {
    const defaults = { apiHost: 'https://posthog.example.com', projectId: 1, personalApiKey: 'phx_demo' }
    expect(initialConnectFields(connectionView, defaults)).toEqual({
      choice: 'eu',
      url: '',
      projectId: '12345',
      key: '',
    })
  })
})
