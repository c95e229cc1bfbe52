/** JSON text to embed verbatim when a response is written (results with exact 64-bit integers). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** `JSON.stringify` that writes {@link RawJson} values verbatim and keeps `null`s. */
export function stringifyJson(value: unknown): string {
  if (value instanceof RawJson) return value.text
  if (Array.isArray(value)) return `[${value.map(stringifyJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`)
    return `{${parts.join(',')}}`
  }
  return JSON.stringify(value ?? null)
}
