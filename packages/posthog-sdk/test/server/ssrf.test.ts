import { type Emulator, startEmulator } from '@statisfy/posthog-emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './harness'
import { localServer } from './localServer'

const dns: Record<string, string[]> = {
  'us.posthog.com': ['34.120.0.10'],
  'posthog.evil.test': ['10.0.0.1'],
  'mixed.evil.test': ['34.120.0.11', '169.254.169.254'],
}
const resolve = async (hostname: string) => {
  const found = dns[hostname]
  if (!found) throw new Error(`ENOTFOUND ${hostname}`)
  return found
}

let emulator: Emulator
let strict: Harness
let server: Awaited<ReturnType<typeof localServer>>
let target: Awaited<ReturnType<typeof localServer>>

beforeAll(async () => {
  emulator = await startEmulator({ size: 1000 })
  // No allow-list: what a production host runs.
  strict = await startHarness({ emulator, hostGuard: { resolve } })
  target = await localServer((_req, res) => res.end('{}'))
  server = await localServer((_req, res) => {
    res.writeHead(302, { location: `${target.url}/steal` }).end()
  })
})
afterAll(async () => {
  await Promise.all([strict.close(), server.close(), target.close()])
  await emulator.close()
})

const KEY = 'phx_attacker_supplied_key_123'

describe('API-host guard through the handler', () => {
  const matrix: [string, string][] = [
    ['http://us.posthog.com', 'host_not_https'],
    ['https://127.0.0.1', 'host_private_address'],
    ['https://localhost', 'host_private_address'],
    ['https://[::1]', 'host_private_address'],
    ['https://10.1.2.3', 'host_private_address'],
    ['https://172.16.5.4', 'host_private_address'],
    ['https://192.168.1.1', 'host_private_address'],
    ['https://169.254.169.254', 'host_private_address'],
    ['https://100.64.1.1', 'host_private_address'],
    ['https://[fd00::1]', 'host_private_address'],
    ['https://[::ffff:10.0.0.1]', 'host_private_address'],
    ['https://2130706433', 'host_private_address'],
    ['https://0x7f000001', 'host_private_address'],
    ['https://posthog.evil.test', 'host_private_address'],
    ['https://mixed.evil.test', 'host_private_address'],
    ['https://unknown.evil.test', 'host_unresolvable'],
  ]

  it.each(matrix)('test connection to %s is refused with %s on apiHost', async (apiHost, code) => {
    const error = await strict
      .client('acme')
      .testConnection({ apiHost, projectId: 1, personalApiKey: KEY })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code, status: 400, issues: [{ path: 'apiHost' }] })
  })

  it.each(matrix)('saving a connection to %s is refused with %s, even without verify', async (apiHost, code) => {
    const error = await strict
      .client('acme')
      .saveConnection({ apiHost, projectId: 1, personalApiKey: KEY, verify: false })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code, status: 400 })
    expect(await strict.client('acme').getConnection()).toBeNull()
  })

  it('refuses credentials in the URL before anything else (config layer)', async () => {
    const error = await strict
      .client('acme')
      .testConnection({ apiHost: 'https://user:pass@us.posthog.com', projectId: 1, personalApiKey: KEY })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 400, issues: [{ path: 'apiHost' }] })
  })

  it('refuses the emulator on 127.0.0.1 unless the host allow-lists it', async () => {
    const error = await strict
      .client('acme')
      .testConnection({ apiHost: emulator.url, projectId: emulator.projectId, personalApiKey: emulator.keys.full })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'host_not_https' })
    const allowed = await startHarness({ emulator, hostGuard: { allowHttp: true, allowHosts: ['127.0.0.1'] } })
    const ok = await allowed
      .client('acme')
      .testConnection({ apiHost: emulator.url, projectId: emulator.projectId, personalApiKey: emulator.keys.full })
    expect(ok.project?.id).toBe(emulator.projectId)
  })

  it('never follows a redirect with the key: refused with redirect_refused, the target never hit', async () => {
    const allowed = await startHarness({ emulator, hostGuard: { allowHttp: true, allowHosts: ['127.0.0.1'] } })
    const error = await allowed
      .client('acme')
      .testConnection({ apiHost: server.url, projectId: 1, personalApiKey: KEY })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'redirect_refused', status: 422, issues: [{ path: 'apiHost' }] })
    expect(server.seen.length).toBeGreaterThan(0)
    expect(target.seen).toHaveLength(0)
    expect(JSON.stringify(allowed.bodies)).not.toContain(KEY)
  })
})
