import { describe, expect, it } from 'vitest'
import { linkSignals } from './linkSignals'

describe('linkSignals', () => {
  it('aborts with the reason of whichever signal aborts first', () => {
    const a = new AbortController()
    const b = new AbortController()
    const { signal } = linkSignals(a.signal, b.signal)
    expect(signal.aborted).toBe(false)
    b.abort(new Error('b first'))
    a.abort(new Error('a second'))
    expect(signal.aborted).toBe(true)
    expect((signal.reason as Error).message).toBe('b first')
  })

  it('is aborted at once when a signal already is', () => {
    const a = new AbortController()
    a.abort(new Error('early'))
    const { signal } = linkSignals(a.signal, new AbortController().signal)
    expect((signal.reason as Error).message).toBe('early')
  })

  it('stops following its sources once unlinked, so a long-lived source keeps no listener', () => {
    const longLived = new AbortController()
    const links = Array.from({ length: 1000 }, () => linkSignals(longLived.signal, new AbortController().signal))
    for (const link of links) link.unlink()
    longLived.abort(new Error('shutdown'))
    expect(links.every((link) => !link.signal.aborted)).toBe(true)
  })
})
