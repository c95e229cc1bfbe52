import { describe, expect, it } from 'vitest'
import * as entry from './index'

describe('@statisfy/posthog-emulator exports', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(entry).sort()).toEqual(
      [
        'API_KEYS',
        'BERLIN_PROJECT_ID',
        'DEFAULT_PROJECT_ID',
        'DEFAULT_RETURNED_ROWS',
        'DEMO_KEYS',
        'FaultInjector',
        'FaultKind',
        'HogQLError',
        'HogQLErrorCode',
        'MAX_SELECT_RETURNED_ROWS',
        'OFFSET_REJECTED_MESSAGE',
        'ORGANIZATION',
        'PROJECTS',
        'PUBLIC_MAIL_DOMAINS',
        'compileHogQL',
        'isHogQLError',
        'loadHogQLParser',
        'startEmulator',
      ].sort(),
    )
  })
})
