/** One arm of a top-level set operation (`UNION ALL`, `INTERSECT`, `EXCEPT`), or the whole query when there is none. */
export interface HogQLArm {
  /** Offset where the arm starts. */
  start: number
  /** Offset just past the arm (the start of the set keyword, or the end of the text without a trailing `;`). */
  end: number
  /** True when the arm has its own row LIMIT (a `LIMIT n BY x` does not count). */
  hasLimit: boolean
}

/** What the client needs to know about a HogQL text before paging it. */
export interface HogQLShape {
  /** `{name}` placeholders used (outside strings and comments), e.g. `period_start`, `variables.x`. */
  placeholders: Set<string>
  /** Top-level arms; one for a plain SELECT. */
  arms: HogQLArm[]
  /** True when a top-level OFFSET appears (PostHog rejects it for personal API keys). */
  hasOffset: boolean
}

const SET_OPERATORS = new Set(['UNION', 'INTERSECT', 'EXCEPT'])
// Clauses that end a LIMIT's expression list; a BY before one of them makes it `LIMIT n BY …`.
const CLAUSE_WORDS = new Set(['LIMIT', 'OFFSET', 'SETTINGS', 'FORMAT', 'UNION', 'INTERSECT', 'EXCEPT'])

interface Word {
  upper: string
  at: number
}

/**
 * Reads the top-level structure of HogQL with a small lexer (strings, quoted identifiers, comments, brackets and
 * placeholders), without a full parser: enough to know where each SELECT of a UNION ends, whether it has a LIMIT,
 * and which placeholders it uses.
 */
export function analyzeHogQL(hogql: string): HogQLShape {
  const placeholders = new Set<string>()
  const words: Word[] = []
  let depth = 0
  let i = 0
  const n = hogql.length
  let end = n
  while (i < n) {
    const c = hogql[i]!
    const next = hogql[i + 1]
    if (c === "'" || c === '"' || c === '`') {
      i++
      while (i < n && hogql[i] !== c) i += hogql[i] === '\\' ? 2 : 1
      i++
    } else if (c === '-' && next === '-') {
      while (i < n && hogql[i] !== '\n') i++
    } else if (c === '/' && next === '*') {
      const close = hogql.indexOf('*/', i + 2)
      i = close === -1 ? n : close + 2
    } else if (c === '{') {
      const match = /^\{\s*([A-Za-z_$][\w$]*(?:\.[\w$]+)*)\s*\}/.exec(hogql.slice(i, i + 200))
      if (match?.[1]) {
        placeholders.add(match[1])
        i += match[0].length
      } else {
        depth++
        i++
      }
    } else if (c === '(' || c === '[') {
      depth++
      i++
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1)
      i++
    } else if (/[A-Za-z_$]/.test(c)) {
      const start = i
      while (i < n && /[\w$]/.test(hogql[i]!)) i++
      if (depth === 0) words.push({ upper: hogql.slice(start, i).toUpperCase(), at: start })
    } else if (c === ';' && depth === 0 && hogql.slice(i + 1).trim() === '') {
      end = i
      i = n
    } else {
      i++
    }
  }

  const arms: HogQLArm[] = []
  let armStart = 0
  let hasLimit = false
  let hasOffset = false
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!
    if (SET_OPERATORS.has(word.upper)) {
      arms.push({ start: armStart, end: word.at, hasLimit })
      hasLimit = false
      // The arm starts after the operator and its ALL/DISTINCT.
      const modifier = words[w + 1]
      armStart =
        modifier && (modifier.upper === 'ALL' || modifier.upper === 'DISTINCT')
          ? modifier.at + modifier.upper.length
          : word.at + word.upper.length
    } else if (word.upper === 'OFFSET') {
      hasOffset = true
    } else if (word.upper === 'LIMIT') {
      let limitBy = false
      for (let k = w + 1; k < words.length && !CLAUSE_WORDS.has(words[k]!.upper); k++) {
        if (words[k]!.upper === 'BY') {
          limitBy = true
          break
        }
      }
      if (!limitBy) hasLimit = true
    }
  }
  arms.push({ start: armStart, end, hasLimit })
  return { placeholders, arms, hasOffset }
}

/**
 * Gives every top-level arm without a LIMIT an explicit `LIMIT rows`, so PostHog's implicit LIMIT 100 never applies
 * (PostHog adds it to every SELECT without one, each UNION arm included). Arms with a LIMIT are left as written.
 * The LIMIT goes on its own line so a trailing `-- comment` cannot swallow it; a trailing `;` is dropped.
 */
export function withExplicitLimit(hogql: string, rows: number, shape: HogQLShape = analyzeHogQL(hogql)): string {
  let out = ''
  let copied = 0
  for (const arm of shape.arms) {
    if (arm.hasLimit) continue
    out += `${hogql.slice(copied, arm.end).replace(/\s+$/, '')}\nLIMIT ${rows}\n`
    copied = arm.end
  }
  const last = shape.arms[shape.arms.length - 1]!
  const tail = copied >= last.end ? '' : hogql.slice(copied, last.end)
  return (out + tail).replace(/\s+$/, '')
}
