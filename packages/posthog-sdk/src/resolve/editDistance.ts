/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, the commonest typing error) between `a`
 * and `b`, or `limit + 1` as soon as it is known to exceed `limit`. Bounded so a lookup pays only for near matches.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > limit) return limit + 1
  if (a === b) return 0
  if (limit === 1) return oneEditApart(a, b) ? 1 : 2
  // Three rolling rows: two before the current one, for transpositions.
  let before = new Int32Array(m + 1)
  let previous = new Int32Array(m + 1)
  for (let j = 0; j <= m; j++) previous[j] = j
  let current = new Int32Array(m + 1)
  for (let i = 1; i <= n; i++) {
    current[0] = i
    let rowMin = i
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1)
      let cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        cost = Math.min(cost, before[j - 2]! + 1)
      }
      current[j] = cost
      if (cost < rowMin) rowMin = cost
    }
    if (rowMin > limit) return limit + 1
    const recycled = before
    before = previous
    previous = current
    current = recycled
  }
  const distance = previous[m]!
  return distance > limit ? limit + 1 : distance
}

/**
 * True when different strings `a` and `b` are one substitution, insertion, deletion or adjacent transposition apart:
 * the typo test of every fuzzy lookup, in one linear pass instead of a table.
 */
function oneEditApart(a: string, b: string): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a]
  let i = 0
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++
  if (long.length !== short.length) return long.slice(i + 1) === short.slice(i)
  if (long.slice(i + 1) === short.slice(i + 1)) return true
  return long[i] === short[i + 1] && long[i + 1] === short[i] && long.slice(i + 2) === short.slice(i + 2)
}
