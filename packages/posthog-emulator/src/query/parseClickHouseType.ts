/** A parsed ClickHouse type name, e.g. `Nullable(DateTime64(6, 'UTC'))`. */
export interface ClickHouseType {
  name: string
  args: TypeArg[]
}

/** A type argument: a nested type, or a literal (number, quoted string, field name). */
export type TypeArg = { type: ClickHouseType } | { literal: string }

/** Parses a type name as ClickHouse prints it in result metadata. Named tuple fields (`a String`) keep their type. */
export function parseClickHouseType(text: string): ClickHouseType {
  let pos = 0
  const skip = () => {
    while (text[pos] === ' ') pos++
  }
  const parseType = (): ClickHouseType => {
    skip()
    const start = pos
    while (pos < text.length && /[A-Za-z0-9_]/.test(text[pos]!)) pos++
    const name = text.slice(start, pos)
    skip()
    // Named tuple element: `name Type`.
    if (/[A-Za-z]/.test(text[pos] ?? '') && name !== '') return parseType()
    const args: TypeArg[] = []
    if (text[pos] === '(') {
      pos++
      for (;;) {
        skip()
        if (text[pos] === ')') break
        args.push(parseArg())
        skip()
        if (text[pos] === ',') pos++
        else break
      }
      skip()
      pos++
    }
    return { name, args }
  }
  const parseArg = (): TypeArg => {
    const ch = text[pos]!
    if (ch === "'") {
      const start = pos++
      while (pos < text.length && text[pos] !== "'") pos += text[pos] === '\\' ? 2 : 1
      pos++
      return { literal: text.slice(start + 1, pos - 1).replace(/\\(.)/g, '$1') }
    }
    if (/[-0-9]/.test(ch)) {
      const start = pos
      while (pos < text.length && /[-0-9.]/.test(text[pos]!)) pos++
      skip()
      if (text[pos] === '=') {
        // Enum values `'a' = 1` are not types; consume them as literals.
        pos++
        skip()
        while (pos < text.length && /[-0-9]/.test(text[pos]!)) pos++
      }
      return { literal: text.slice(start, pos) }
    }
    return { type: parseType() }
  }
  return parseType()
}
