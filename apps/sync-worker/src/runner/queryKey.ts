// Saved and built-in queries share the ledger, the leases and the runs table; a built-in's key is prefixed so a
// tenant's saved query and a built-in of the same id never share a watermark or a lease.
const BUILT_IN = 'builtin:'

/** The key a query goes by in the ledger, leases and runs: its id, or `builtin:<id>` for a built-in query. */
export function queryKey(source: 'saved' | 'built_in', id: string): string {
  return source === 'saved' ? id : `${BUILT_IN}${id}`
}

/** The source and id a key names. */
export function parseQueryKey(key: string): { source: 'saved' | 'built_in'; id: string } {
  return key.startsWith(BUILT_IN)
    ? { source: 'built_in', id: key.slice(BUILT_IN.length) }
    : { source: 'saved', id: key }
}
