import type * as z from 'zod'

/** An opaque page cursor: the last row's key as base64url JSON (callers pass it back, never build it). */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

/** The key inside a cursor from {@link encodeCursor}, or `undefined` when it is not one (tampered, truncated, other route). */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
