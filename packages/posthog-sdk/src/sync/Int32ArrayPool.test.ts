import { describe, expect, it } from 'vitest'
import { Int32ArrayPool } from './Int32ArrayPool'

describe('Int32ArrayPool', () => {
  it('hands a released array out again, zeroed, for the same length only', () => {
    const pool = new Int32ArrayPool(1024)
    const first = pool.acquire(8)
    first.fill(7)
    pool.release(first)
    expect(pool.pooledBytes).toBe(32)
    expect(pool.acquire(16)).not.toBe(first)
    const again = pool.acquire(8)
    expect(again).toBe(first)
    expect([...again]).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
    expect(pool.pooledBytes).toBe(0)
  })

  it('refuses an array released twice, which would give the same memory to two tables', () => {
    const pool = new Int32ArrayPool(1024)
    const array = pool.acquire(8)
    pool.release(array)
    expect(() => pool.release(array)).toThrow(/released twice/)
    expect(pool.acquire(8)).toBe(array)
    pool.release(array)
    expect(pool.pooledBytes).toBe(32)
  })

  it('keeps at most maxBytes, leaving the rest to the garbage collector', () => {
    const pool = new Int32ArrayPool(64)
    pool.release(new Int32Array(8))
    pool.release(new Int32Array(8))
    pool.release(new Int32Array(8))
    expect(pool.pooledBytes).toBe(64)
    pool.acquire(8)
    pool.acquire(8)
    expect(pool.pooledBytes).toBe(0)
    expect(pool.acquire(8).length).toBe(8)
  })
})
