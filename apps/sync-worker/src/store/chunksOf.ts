/** Splits `items` into arrays of at most `size`: bound parameters per statement stay far below both dialects' limits. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let from = 0; from < items.length; from += size) chunks.push(items.slice(from, from + size))
  return chunks
}
