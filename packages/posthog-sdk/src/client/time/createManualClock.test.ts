import { describe, expect, it } from 'vitest'
import { createManualClock } from './createManualClock'

describe('createManualClock', () => {
  it('fires sleeps in time order only when advanced', async () => {
    const clock = createManualClock(1000)
    const order: string[] = []
    void clock.sleep(300).then(() => order.push('b'))
    void clock.sleep(100).then(() => order.push('a'))
    await clock.advance(99)
    expect(order).toEqual([])
    await clock.advance(201)
    expect(order).toEqual(['a', 'b'])
    expect(clock.now()).toBe(1300)
  })

  it('rejects a sleep on abort and drops its timer', async () => {
    const clock = createManualClock()
    const controller = new AbortController()
    const sleeping = clock.sleep(1000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(sleeping).rejects.toThrow('stop')
    expect(clock.pending()).toBe(0)
  })

  it('cancels timers and runs the rest with runAll', async () => {
    const clock = createManualClock()
    let fired = 0
    const cancel = clock.setTimer(10, () => fired++)
    clock.setTimer(20, () => fired++)
    cancel()
    expect(await clock.runAll()).toBe(20)
    expect(fired).toBe(1)
  })
})
