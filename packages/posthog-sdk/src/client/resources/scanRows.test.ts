import { describe, expect, it } from 'vitest'
import { scanRows } from './scanRows'

const rows = (text: string) => JSON.parse(text) as unknown[]

describe('scanRows', () => {
  it('passes arrays of the right width and tells whether a wide-integer column was rounded', () => {
    expect(scanRows(rows('[[1, "a"], [2, "b"]]'), 2, [0])).toEqual({ kind: 'ok', unsafe: false })
    expect(scanRows(rows('[[1, "a"], [18446744073709551615, "b"]]'), 2, [0])).toEqual({ kind: 'ok', unsafe: true })
    expect(scanRows(rows('[[1, [18446744073709551615]]]'), 2, [1])).toEqual({ kind: 'ok', unsafe: true })
  })

  it('only looks at wide-integer columns when the types are known, at every cell when they are not', () => {
    // 1e300 in a Float64 column is no rounded integer, and the column is not looked at.
    expect(scanRows(rows('[[18446744073709551615, 1e300]]'), 2, [0])).toEqual({ kind: 'ok', unsafe: true })
    expect(scanRows(rows('[["x", 1e300]]'), 2, [0])).toEqual({ kind: 'ok', unsafe: false })
    expect(scanRows(rows('[["x", 1e300]]'), 2, [])).toEqual({ kind: 'ok', unsafe: false })
    expect(scanRows(rows('[["x", {"n": 18446744073709551615}]]'), 2, null)).toEqual({ kind: 'ok', unsafe: true })
    expect(scanRows(rows('[["x", 2]]'), 2, null)).toEqual({ kind: 'ok', unsafe: false })
  })

  it('names the first row that is not an array, or not as wide as the columns', () => {
    expect(scanRows(rows('[[1, 2], {"a": 1}, 3]'), 2, [])).toEqual({ kind: 'not_array', row: 1 })
    expect(scanRows(rows('[[1, 2], [1, 2, 3]]'), 2, [])).toEqual({ kind: 'width', row: 1, length: 3 })
    // A rounded value in an earlier row does not hide a bad row after it.
    expect(scanRows(rows('[[18446744073709551615, 2], [1]]'), 2, [0])).toEqual({ kind: 'width', row: 1, length: 1 })
  })

  it('checks no width when the columns are unknown', () => {
    expect(scanRows(rows('[[1], [1, 2, 3]]'), 0, null)).toEqual({ kind: 'ok', unsafe: false })
  })
})
