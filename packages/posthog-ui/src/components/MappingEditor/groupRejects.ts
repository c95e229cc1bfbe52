import type { ApiRejectedRow } from '@statisfy/posthog-sdk'

/** Rejected rows of one reason (and column), with a few example values. */
export type RejectGroup = { reason: string; column: string | null; count: number; examples: ApiRejectedRow[] }

/** Groups rejects by reason and column, largest group first, keeping up to `examples` rows each. */
export function groupRejects(rejects: readonly ApiRejectedRow[], examples = 3): RejectGroup[] {
  const groups = new Map<string, RejectGroup>()
  for (const reject of rejects) {
    const key = `${reject.reason}\u0000${reject.column ?? ''}`
    const group = groups.get(key) ?? { reason: reject.reason, column: reject.column, count: 0, examples: [] }
    group.count += 1
    if (group.examples.length < examples) group.examples.push(reject)
    groups.set(key, group)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count)
}
