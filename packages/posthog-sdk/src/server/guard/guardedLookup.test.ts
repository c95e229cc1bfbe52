import type { LookupAddress, LookupOptions } from 'node:dns'
import { describe, expect, it } from 'vitest'
import { createHostGuard } from './createHostGuard'
import { guardedLookup } from './guardedLookup'

const lookup = guardedLookup(
  createHostGuard({
    allowHosts: ['10.20.0.0/16'],
    resolve: async (hostname) =>
      ({
        'dual.example.com': ['34.120.0.10', '2600:1901:0:1::10'],
        'v6.example.com': ['2600:1901:0:1::10'],
        'corp.example.com': ['10.20.3.4'],
        'rebind.example.com': ['34.120.0.10', '169.254.169.254'],
      })[hostname] ?? [],
  }),
)

/** Calls the lookup the way `net.connect` does and returns what it answered. */
function ask(hostname: string, options: LookupOptions) {
  return new Promise<{ address: string | LookupAddress[]; family?: number }>((resolve, reject) =>
    lookup(hostname, options, (error, address, family) =>
      error ? reject(error) : resolve(family === undefined ? { address } : { address, family }),
    ),
  )
}

describe('guardedLookup', () => {
  it('answers every accepted address when net asks for all (happy eyeballs)', async () => {
    expect(await ask('dual.example.com', { all: true })).toEqual({
      address: [
        { address: '34.120.0.10', family: 4 },
        { address: '2600:1901:0:1::10', family: 6 },
      ],
    })
  })

  it('answers the first address of the family the socket wants', async () => {
    expect(await ask('dual.example.com', {})).toEqual({ address: '34.120.0.10', family: 4 })
    expect(await ask('dual.example.com', { family: 6 })).toEqual({ address: '2600:1901:0:1::10', family: 6 })
    expect(await ask('corp.example.com', { family: 'IPv4' })).toEqual({ address: '10.20.3.4', family: 4 })
    await expect(ask('v6.example.com', { family: 4 })).rejects.toMatchObject({ code: 'ENOTFOUND' })
  })

  it("fails with the guard's error when an address is refused, rather than connect to the others", async () => {
    await expect(ask('rebind.example.com', { all: true })).rejects.toMatchObject({
      name: 'HostGuardError',
      code: 'host_private_address',
    })
    await expect(ask('localhost', {})).rejects.toMatchObject({ code: 'host_private_address' })
    await expect(ask('nowhere.example.com', {})).rejects.toMatchObject({ code: 'host_unresolvable' })
  })
})
