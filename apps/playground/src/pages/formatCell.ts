/** An imported JSON value as a table shows it: `null` visible, numbers grouped, objects as JSON. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 })
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}
