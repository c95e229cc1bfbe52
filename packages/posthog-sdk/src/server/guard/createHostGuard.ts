import { addressMatches, classifyAddress } from './classifyAddress'
import { HostGuardError, HostGuardErrorCode } from './HostGuardError'
import { type HostnameResolver, resolveWithNodeDns } from './resolveHostname'

/** Options of the API-host guard (`createPostHogHandler({ hostGuard })`). */
export interface HostGuardOptions {
  /**
   * Accept `http:` hosts. Only for local development against the emulator or a self-hosted PostHog without TLS.
   * @default false
   */
  allowHttp?: boolean
  /**
   * Hosts allowed even though they are or resolve to non-public addresses: a self-hosted PostHog on the host's
   * network, or the emulator on 127.0.0.1. Entries are host names (exact, case-insensitive), IP addresses, or CIDR
   * ranges (`10.20.0.0/16`).
   * @default []
   * @example ['posthog.internal.example.com', '10.20.0.0/16']
   */
  allowHosts?: readonly string[]
  /**
   * Resolves a host name to its addresses. Every address must be public (or allow-listed).
   * @default node:dns lookup when the runtime has it
   */
  resolve?: HostnameResolver
}

/** Checks an API host before the server sends the tenant's key to it. */
export interface HostGuard {
  /** Resolves with the URL when it may be fetched; rejects with a {@link HostGuardError} saying why not. */
  check(url: string | URL): Promise<URL>
  /**
   * Resolves a host name (or judges an IP literal) to the addresses a connection may use, under the same rules as
   * `check`: every address must be public or allow-listed, else it rejects with `host_private_address`. The guarded
   * fetch calls it again when it opens the connection, so the socket goes to an address that passed.
   */
  lookup(hostname: string): Promise<string[]>
}

/**
 * Creates the API-host guard: https only (unless `allowHttp`), no credentials in the URL, and the host name
 * resolved and refused when any address is private, loopback, link-local, CGNAT, unique-local, IPv4-mapped or a
 * metadata address, unless allow-listed. Decimal (`2130706433`) and hex (`0x7f000001`) IPv4 forms are normalised
 * by the WHATWG URL parser before the check, so they are judged as the address they mean.
 *
 * The name is resolved twice: by `check`, and by `createGuardedFetch` through `lookup` when it connects (on
 * Node), so a DNS answer that changes in between (rebinding) is judged again rather than trusted.
 *
 * @example
 * const guard = createHostGuard({ allowHosts: ['127.0.0.1'], allowHttp: true })
 * await guard.check('http://127.0.0.1:8010')
 */
export function createHostGuard(options: HostGuardOptions = {}): HostGuard {
  const allowHttp = options.allowHttp ?? false
  const allowList = (options.allowHosts ?? []).map((entry) => entry.trim().toLowerCase()).filter(Boolean)
  const resolve = options.resolve ?? resolveWithNodeDns

  const hostAllowed = (hostname: string) => allowList.includes(hostname)
  const addressAllowed = (address: string) => allowList.some((entry) => addressMatches(address, entry))

  function refuseAddress(hostname: string, address: string, kind: 'metadata' | 'non_public', range: string): never {
    const what = kind === 'metadata' ? 'a cloud metadata address' : `a non-public address (${range})`
    throw new HostGuardError(
      HostGuardErrorCode.HostPrivateAddress,
      address === hostname
        ? `${hostname} is ${what}. Use your PostHog's public https address, or ask the administrator to allow-list this self-hosted PostHog.`
        : `${hostname} resolves to ${address}, ${what}. Use your PostHog's public https address, or ask the administrator to allow-list this self-hosted PostHog.`,
    )
  }

  // A trailing dot (`localhost.`) names the same host; drop it so the checks see the usual form.
  const normalize = (hostname: string) => hostname.toLowerCase().replace(/\.$/, '')

  async function lookup(name: string): Promise<string[]> {
    const hostname = normalize(name)
    const literal = classifyAddress(hostname)
    if (literal) {
      if (literal.class !== 'public' && !addressAllowed(literal.address) && !hostAllowed(hostname)) {
        refuseAddress(hostname, literal.address, literal.class, literal.range)
      }
      return [literal.address]
    }
    const trusted = hostAllowed(hostname)
    // RFC 6761: *.localhost always means this machine, whatever DNS says.
    if (!trusted && (hostname === 'localhost' || hostname.endsWith('.localhost'))) {
      refuseAddress(hostname, '127.0.0.1', 'non_public', 'loopback')
    }
    let addresses: string[]
    try {
      addresses = await resolve(hostname)
    } catch (cause) {
      if (cause instanceof HostGuardError) throw cause
      throw new HostGuardError(
        HostGuardErrorCode.HostUnresolvable,
        `${hostname} could not be resolved; check the API host for typos.`,
        { cause },
      )
    }
    if (addresses.length === 0) {
      throw new HostGuardError(HostGuardErrorCode.HostUnresolvable, `${hostname} has no addresses; check the API host.`)
    }
    return addresses.map((address) => {
      const resolved = classifyAddress(address)
      if (!resolved) {
        throw new HostGuardError(
          HostGuardErrorCode.HostUnresolvable,
          `${hostname} resolved to "${address}", not an IP address.`,
        )
      }
      if (!trusted && resolved.class !== 'public' && !addressAllowed(resolved.address)) {
        refuseAddress(hostname, resolved.address, resolved.class, resolved.range)
      }
      return resolved.address
    })
  }

  return {
    lookup,
    async check(input) {
      let url: URL
      try {
        url = new URL(String(input))
      } catch (cause) {
        throw new HostGuardError(HostGuardErrorCode.HostInvalid, `"${String(input)}" is not a URL.`, { cause })
      }
      if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
        throw new HostGuardError(
          HostGuardErrorCode.HostNotHttps,
          `The PostHog API host must use https (got ${url.protocol.replace(/:$/, '')}://${url.host}).`,
        )
      }
      if (url.username !== '' || url.password !== '') {
        throw new HostGuardError(
          HostGuardErrorCode.HostHasCredentials,
          'Remove the user name and password from the API host; the API key is sent separately.',
        )
      }
      // An allow-listed name is trusted as named: `check` does not resolve it (`lookup` still does, to connect).
      if (!hostAllowed(normalize(url.hostname))) await lookup(url.hostname)
      return url
    },
  }
}
