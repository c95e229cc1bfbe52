/**
 * The hint shown instead of a key: its prefix and last four characters (`phx_…a1b2`), enough for a person to tell
 * keys apart and useless to anyone else.
 * @example keyHint('phx_1234567890abcdefa1b2') // 'phx_…a1b2'
 */
export function keyHint(key: string): string {
  const prefix = /^[a-z]{2,4}_/.exec(key)?.[0] ?? ''
  // Short input would reveal too much of itself; show the prefix alone.
  if (key.length - prefix.length < 12) return `${prefix}…`
  return `${prefix}…${key.slice(-4)}`
}
