import type { Dispatcher } from 'undici'
import type { HostGuard } from './createHostGuard'
import { guardedLookup } from './guardedLookup'

/**
 * An undici dispatcher whose every new connection gets its addresses from `guard.lookup`: the name is resolved and
 * judged at connect time, and the socket can only go to an address that passed. A guard check followed by a fetch
 * that resolves the name again would let a DNS server answer a public address to the check and a private one to
 * the connection (rebinding); here there is no second, unjudged answer. When any address of the answer is refused
 * the connection fails with the guard's `host_private_address` rather than use the others: a name that mixes public
 * and private answers is either misconfigured or an attack.
 *
 * undici is loaded lazily (it needs `node:net`), so server code still imports on edge runtimes; there this resolves
 * `undefined` and the guarded fetch keeps check-then-fetch.
 */
export async function createPinnedDispatcher(guard: HostGuard): Promise<Dispatcher | undefined> {
  let undici: typeof import('undici')
  try {
    // A computed name keeps bundlers for edge runtimes from pulling undici in.
    const moduleName = 'undici'
    undici = await import(/* @vite-ignore */ moduleName)
  } catch {
    return undefined
  }
  return new undici.Agent({ connect: { lookup: guardedLookup(guard) } })
}
