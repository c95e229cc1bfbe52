import { afterEach, describe, expect, it, vi } from 'vitest'
import { anySignal } from './anySignal'

describe.each([
  ['AbortSignal.any', false],
  ['the fallback', true],
])('anySignal with %s', (_name, withoutAny) => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })
  const prepare = () => {
    if (withoutAny) vi.stubGlobal('AbortSignal', Object.assign(Object.create(AbortSignal), { any: undefined }))
  }

  it('aborts with the reason of whichever signal aborts first', () => {
    prepare()
    const a = new AbortController()
    const b = new AbortController()
    const both = anySignal(a.signal, b.signal)
    expect(both.aborted).toBe(false)
    b.abort(new Error('b first'))
    a.abort(new Error('a second'))
    expect(both.aborted).toBe(true)
    expect((both.reason as Error).message).toBe('b first')
  })

  it('is aborted at once when a signal already is', () => {
    prepare()
    const a = new AbortController()
    a.abort(new Error('early'))
    const both = anySignal(a.signal, new AbortController().signal)
    expect((both.reason as Error).message).toBe('early')
  })
})
