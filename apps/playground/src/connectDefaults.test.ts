import { describe, expect, it } from 'vitest'
import { connectDefaultsFromEnv } from './connectDefaults'

describe('connectDefaultsFromEnv', () => {
  it('prefills from the launcher’s variables', () => {
    expect(
      connectDefaultsFromEnv({
        VITE_POSTHOG_HOST: 'http://127.0.0.1:8010',
        VITE_POSTHOG_PROJECT_ID: '12345',
        VITE_POSTHOG_KEY: 'phx_demo_query_read',
      }),
    ).toEqual({ apiHost: 'http://127.0.0.1:8010', projectId: '12345', personalApiKey: 'phx_demo_query_read' })
  })

  it('prefills nothing when they are unset or blank, and only what is set otherwise', () => {
    expect(connectDefaultsFromEnv({})).toBeUndefined()
    expect(connectDefaultsFromEnv({ VITE_POSTHOG_HOST: ' ', VITE_POSTHOG_KEY: '' })).toBeUndefined()
    expect(connectDefaultsFromEnv({ VITE_POSTHOG_PROJECT_ID: ' 7 ' })).toEqual({ projectId: '7' })
  })
})
