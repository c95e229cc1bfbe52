/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, the commonest typing error) between `a`
 * and `b`, or `limit + 1` as soon as it is known to exceed `limit`. Bounded so a lookup pays only for near matches.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > limit) return limit + 1
  if (a === b) return 0
  // Three rolling rows: two before the current one, for transpositions.
  let before = new Array<number>(m + 1).fill(0)
  let previous = Array.from({ length: m + 1 }, (_, j) => j)
  let current = new Array<number>(m + 1).fill(0)
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
