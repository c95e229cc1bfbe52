import { describe, expect, it } from 'vitest'
import { isStatisfyError } from '../../errors/StatisfyError'
import { isConnectionError, isHogQLError, isPostHogClientError, PostHogClientError } from './PostHogClientError'

describe('PostHogClientError', () => {
  it('belongs to the kit error family and narrows by code', () => {
    const error = new PostHogClientError('permission', 'add the scope', { status: 403, requiredScope: 'query:read' })
    expect(isStatisfyError(error)).toBe(true)
    expect(isPostHogClientError(error)).toBe(true)
    expect(isPostHogClientError(error, 'permission', 'authentication')).toBe(true)
    expect(isPostHogClientError(error, 'rate_limited')).toBe(false)
    expect(isConnectionError(error)).toBe(true)
    expect(isHogQLError(error)).toBe(false)
    expect(isPostHogClientError(new Error('x'))).toBe(false)
  })

  it('copies with more details, keeping code, cause and earlier details', () => {
    const cause = new Error('root')
    const error = new PostHogClientError(
      'hogql_resolution',
      'bad field',
      { status: 400, detail: 'Unable to resolve field: x' },
      { cause },
    )
    const placed = error.with({ start: 7, end: 8 })
    expect(placed).toMatchObject({ code: 'hogql_resolution', status: 400, start: 7, end: 8, message: 'bad field' })
    expect(placed.cause).toBe(cause)
    expect(placed.details()).toEqual({ status: 400, detail: 'Unable to resolve field: x', start: 7, end: 8 })
  })
})
