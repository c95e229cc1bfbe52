import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJsonExact } from './parseJsonExact'
import { patchUnsafeIntegers } from './patchUnsafeIntegers'

const patched = (text: string) => {
  const value: unknown = JSON.parse(text)
  return { ok: patchUnsafeIntegers(value, text), value }
}

describe('patchUnsafeIntegers', () => {
  it('replaces rounded integers with their exact digits, leaving floats and strings alone', () => {
    const text =
      '{"results":[[18446744073709551615,"12345678901234567890",1e20,-9223372036854775808,1.5,9007199254740991]],"x":{"y":[12345678901234567891]}}'
    expect(patched(text)).toEqual({
      ok: true,
      value: {
        results: [
          ['18446744073709551615', '12345678901234567890', 1e20, '-9223372036854775808', 1.5, 9007199254740991],
        ],
        x: { y: ['12345678901234567891'] },
      },
    })
  })

  it('refuses objects with integer-like keys (their enumeration order is not document order)', () => {
    expect(patched('{"b":12345678901234567891,"1":12345678901234567892}').ok).toBe(false)
  })

  it('agrees with the full exact parser on any mix of values', () => {
    const leaf = fc.oneof(
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((v) => ({ text: v.toString() })),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => ({ text: JSON.stringify(v) })),
      fc.string().map((v) => ({ text: JSON.stringify(v) })),
    )
    const tree = fc.letrec<{ node: { text: string } }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 5 }).map((items) => ({ text: `[${items.map((i) => i.text).join(',')}]` })),
        fc
          .array(
            fc.tuple(
              fc.string().filter((k) => !/^(?:0|[1-9]\d*)$/.test(k)),
              tie('node'),
            ),
            { maxLength: 4 },
          )
          .map((entries) => {
            const unique = new Map(entries.map(([k, v]) => [k, v.text]))
            return { text: `{${[...unique].map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}` }
          }),
      ),
    }))
    fc.assert(
      // A PostHog answer is always an object or array at the top; a bare number cannot be patched in place.
      fc.property(tree.node, ({ text: inner }) => {
        const text = `[${inner}]`
        const { ok, value } = patched(text)
        expect(ok).toBe(true)
        expect(value).toEqual(parseJsonExact(text))
      }),
    )
  })
})
