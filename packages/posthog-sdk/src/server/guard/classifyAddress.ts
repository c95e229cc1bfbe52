import ipaddr from 'ipaddr.js'

/** What an IP address is, for the guard: only `public` addresses may be fetched without an allow-list entry. */
export type AddressClass = 'public' | 'metadata' | 'non_public'

// Cloud metadata services (AWS, GCP, Azure, OpenStack: 169.254.169.254; AWS over IPv6: fd00:ec2::254) hand out
// credentials to whoever asks from inside the instance: the worst place a user-supplied host could point.
const METADATA = ['169.254.169.254', 'fd00:ec2::254'].map((text) => ipaddr.parse(text).toNormalizedString())

/**
 * Classifies an IP literal. IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 it carries; every range
 * ipaddr.js knows other than plain unicast (private, loopback, link-local, CGNAT 100.64/10, unique-local fc00::/7,
 * multicast, reserved, 6to4, Teredo, NAT64, ...) is `non_public`. Returns `undefined` for text that is not an IP.
 */
export function classifyAddress(text: string): { address: string; class: AddressClass; range: string } | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text
  if (!ipaddr.isValid(bare)) return undefined
  const address = ipaddr.process(bare)
  const normalized = address.toNormalizedString()
  const range = address.range()
  if (METADATA.includes(normalized)) return { address: address.toString(), class: 'metadata', range }
  return { address: address.toString(), class: range === 'unicast' ? 'public' : 'non_public', range }
}

/** True when `address` (an IP literal) equals `entry` (an IP) or lies in it (a CIDR like `10.0.0.0/8`). */
export function addressMatches(address: string, entry: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address
  if (!ipaddr.isValid(bare)) return false
  const parsed = ipaddr.process(bare)
  if (entry.includes('/')) {
    if (!ipaddr.isValidCIDR(entry)) return false
    const [range, bits] = ipaddr.parseCIDR(entry)
    return parsed.kind() === range.kind() && parsed.match(range, bits)
  }
  const plain = entry.startsWith('[') && entry.endsWith(']') ? entry.slice(1, -1) : entry
  return ipaddr.isValid(plain) && ipaddr.process(plain).toNormalizedString() === parsed.toNormalizedString()
}
