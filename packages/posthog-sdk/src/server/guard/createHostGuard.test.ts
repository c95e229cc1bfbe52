import { describe, expect, it } from 'vitest'
import { createHostGuard } from './createHostGuard'
import { type HostGuardErrorCode, isHostGuardError } from './HostGuardError'
import { resolveWithNodeDns } from './resolveHostname'

const dnsTable: Record<string, string[]> = {
  'us.posthog.com': ['34.120.0.10', '2600:1901:0:1::10'],
  'rebind.example.com': ['93.184.216.34', '10.0.0.5'],
  'internal.example.com': ['192.168.1.20'],
  'posthog.corp.example.com': ['10.20.3.4'],
}
const resolve = async (hostname: string) => {
  const found = dnsTable[hostname]
  if (!found) throw new Error(`ENOTFOUND ${hostname}`)
  return found
}

async function codeOf(url: string, options: Parameters<typeof createHostGuard>[0] = {}) {
  try {
    await createHostGuard({ resolve, ...options }).check(url)
    return 'allowed'
  } catch (error) {
    if (isHostGuardError(error)) return error.code
    throw error
  }
}

describe('createHostGuard', () => {
  it('allows a public https host whose every address is public', async () => {
    expect(await codeOf('https://us.posthog.com')).toBe('allowed')
    expect(await codeOf('https://34.120.0.10:443/api')).toBe('allowed')
  })

  const matrix: [string, HostGuardErrorCode][] = [
    ['http://us.posthog.com', 'host_not_https'],
    ['ftp://us.posthog.com', 'host_not_https'],
    ['https://user:pass@us.posthog.com', 'host_has_credentials'],
    ['https://phx_key@us.posthog.com', 'host_has_credentials'],
    ['https://127.0.0.1', 'host_private_address'],
    ['https://127.1.2.3:8443', 'host_private_address'],
    ['https://localhost', 'host_private_address'],
    ['https://api.localhost', 'host_private_address'],
    ['https://[::1]', 'host_private_address'],
    ['https://[::]', 'host_private_address'],
    ['https://0.0.0.0', 'host_private_address'],
    ['https://10.1.2.3', 'host_private_address'],
    ['https://172.16.0.1', 'host_private_address'],
    ['https://172.31.255.254', 'host_private_address'],
    ['https://192.168.0.1', 'host_private_address'],
    ['https://169.254.169.254', 'host_private_address'],
    ['https://169.254.10.1', 'host_private_address'],
    ['https://100.64.0.1', 'host_private_address'],
    ['https://[fd00:ec2::254]', 'host_private_address'],
    ['https://[fc00::1]', 'host_private_address'],
    ['https://[fe80::1]', 'host_private_address'],
    ['https://[::ffff:127.0.0.1]', 'host_private_address'],
    ['https://[::ffff:a9fe:a9fe]', 'host_private_address'],
    ['https://2130706433', 'host_private_address'],
    ['https://0x7f000001', 'host_private_address'],
    ['https://0177.0.0.1', 'host_private_address'],
    ['https://0xa9fea9fe', 'host_private_address'],
    ['https://internal.example.com', 'host_private_address'],
    ['https://rebind.example.com', 'host_private_address'],
    ['https://nowhere.example.com', 'host_unresolvable'],
    ['not a url', 'host_invalid'],
  ]
  it.each(matrix)('refuses %s with %s', async (url, code) => {
    expect(await codeOf(url)).toBe(code)
  })

  it('says which address a name resolved to, so the user can act', async () => {
    const error = await createHostGuard({ resolve })
      .check('https://internal.example.com')
      .catch((e: unknown) => e)
    expect((error as Error).message).toContain('192.168.1.20')
  })

  it('lets allow-listed self-hosted PostHog through by name, address or CIDR, and nothing else', async () => {
    expect(await codeOf('https://posthog.corp.example.com', { allowHosts: ['posthog.corp.example.com'] })).toBe(
      'allowed',
    )
    expect(await codeOf('https://posthog.corp.example.com', { allowHosts: ['10.20.0.0/16'] })).toBe('allowed')
    expect(await codeOf('https://10.20.9.9', { allowHosts: ['10.20.0.0/16'] })).toBe('allowed')
    expect(await codeOf('https://10.21.0.1', { allowHosts: ['10.20.0.0/16'] })).toBe('host_private_address')
    expect(await codeOf('https://127.0.0.1:8010', { allowHosts: ['127.0.0.1'] })).toBe('allowed')
    expect(await codeOf('http://127.0.0.1:8010', { allowHosts: ['127.0.0.1'] })).toBe('host_not_https')
    expect(await codeOf('http://127.0.0.1:8010', { allowHosts: ['127.0.0.1'], allowHttp: true })).toBe('allowed')
    expect(await codeOf('http://127.0.0.2', { allowHosts: ['127.0.0.1'], allowHttp: true })).toBe(
      'host_private_address',
    )
  })

  it('refuses a name when the resolver is unavailable rather than fetch it unchecked', async () => {
    const guard = createHostGuard({
      resolve: async () => {
        throw new Error('no DNS here')
      },
    })
    await expect(guard.check('https://us.posthog.com')).rejects.toMatchObject({ code: 'host_unresolvable' })
  })

  it('treats a trailing-dot name as the same host', async () => {
    expect(await codeOf('https://localhost.')).toBe('host_private_address')
    expect(await codeOf('https://internal.example.com.', { resolve: async (h) => resolve(h.replace(/\.$/, '')) })).toBe(
      'host_private_address',
    )
  })

  it('resolves names with node:dns by default', async () => {
    const addresses = await resolveWithNodeDns('localhost')
    expect(addresses.some((a) => a === '127.0.0.1' || a === '::1')).toBe(true)
  })
})
