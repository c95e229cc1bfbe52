// Runs the README's quick start (test/examples/quickstart.ts) against the emulator.
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../src/client/integration/emulatorFixture'
import { quickstart } from './examples/quickstart'

const emulator = useEmulator()

describe('README quick start', () => {
  it('parses the saved config, reads the last window and writes every row', async () => {
    const { url, projectId, keys } = emulator()
    const report = await quickstart({ apiHost: url, projectId, personalApiKey: keys.queryOnly })
    expect(report.error).toBeNull()
    expect(report.status).toBe('succeeded')
    expect(report.counts.read).toBeGreaterThan(0)
    expect(report.counts.written).toBe(report.counts.read)
    expect(report.posthog.hogql[0]).toContain('{period_start}')
  })
})
