/**
 * PostHog's parser reports positions in code points (Python string indices); JavaScript strings index UTF-16 code
 * units. The two differ only after a character outside the Basic Multilingual Plane (an emoji, say).
 */
export interface SourceOffsets {
  /** UTF-16 index of a code-point offset. */
  toUtf16(codePoints: number): number
  /** Code-point offset of a UTF-16 index, as PostHog reports it in HogQLMetadata. */
  toCodePoints(utf16: number): number
}

const IDENTITY: SourceOffsets = { toUtf16: (n) => n, toCodePoints: (n) => n }

/** Offset conversion for `text`; the identity when it has no surrogate pairs (nearly always). */
export function sourceOffsets(text: string): SourceOffsets {
  if (!/[\uD800-\uDBFF]/.test(text)) return IDENTITY
  // utf16At[i] = UTF-16 index of code point i.
  const utf16At: number[] = []
  for (let i = 0; i < text.length; i++) {
    utf16At.push(i)
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++
  }
  utf16At.push(text.length)
  return {
    toUtf16: (n) => utf16At[Math.min(Math.max(n, 0), utf16At.length - 1)]!,
    toCodePoints: (n) => {
      let low = 0
      let high = utf16At.length - 1
      while (low < high) {
        const mid = (low + high + 1) >> 1
        if (utf16At[mid]! <= n) low = mid
        else high = mid - 1
      }
      return low
    },
  }
}
