import { HostGuardError, HostGuardErrorCode } from './HostGuardError'

/** Resolves a host name to every IP address it has (A and AAAA). */
export type HostnameResolver = (hostname: string) => Promise<string[]>

interface DnsPromises {
  lookup(hostname: string, options: { all: true; verbatim: true }): Promise<{ address: string }[]>
}

/**
 * The default resolver: `node:dns` when the runtime has it (Node, Bun, Deno, edge runtimes with Node compatibility),
 * loaded lazily so this module has no static Node import. Where no resolver exists the guard refuses the host
 * (`host_unresolvable`) rather than fetch a name it could not check; pass `hostGuard.resolve` there.
 */
export const resolveWithNodeDns: HostnameResolver = async (hostname) => {
  let dns: DnsPromises
  try {
    const moduleName = 'node:dns'
    const loaded = (await import(/* @vite-ignore */ moduleName)) as { promises: DnsPromises }
    dns = loaded.promises
  } catch (cause) {
    throw new HostGuardError(
      HostGuardErrorCode.HostUnresolvable,
      `Cannot check ${hostname}: this runtime has no DNS resolver. Pass hostGuard.resolve to createPostHogHandler().`,
      { cause },
    )
  }
  const results = await dns.lookup(hostname, { all: true, verbatim: true })
  return results.map((result) => result.address)
}
