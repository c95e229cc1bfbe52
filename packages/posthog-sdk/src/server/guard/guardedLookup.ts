import type { LookupFunction } from 'node:net'
import type { HostGuard } from './createHostGuard'

/**
 * A `net.connect` lookup that answers only with the addresses `guard.lookup` accepted and fails with the guard's
 * error otherwise. It honours the socket's `family` and `all` (Node 20's happy-eyeballs connect asks for all).
 */
export function guardedLookup(guard: HostGuard): LookupFunction {
  return (hostname, options, callback) => {
    guard.lookup(hostname).then(
      (addresses) => {
        const wanted = familyOf(options.family)
        const usable = addresses
          .map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
          .filter((entry) => wanted === 0 || entry.family === wanted)
        const first = usable[0]
        if (!first) {
          const error = Object.assign(new Error(`${hostname} has no IPv${wanted} address.`), { code: 'ENOTFOUND' })
          return callback(error, '', 0)
        }
        if (options.all) return callback(null, usable)
        return callback(null, first.address, first.family)
      },
      (error: Error) => callback(error, '', 0),
    )
  }
}

function familyOf(family: number | 'IPv4' | 'IPv6' | undefined): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4
  if (family === 6 || family === 'IPv6') return 6
  return 0
}
