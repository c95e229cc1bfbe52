// `pnpm demo`: the PostHog emulator (seeded dataset on embedded ClickHouse) and Storybook with every component.
// Both run until Ctrl-C; either one exiting stops the other.
import { spawn } from 'node:child_process'

const children = [
  ['emulator', 'pnpm', ['--filter', '@statisfy/posthog-emulator', 'start', '--port', '8010', '--cors']],
  ['storybook', 'pnpm', ['storybook']],
].map(([name, command, args]) => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${name}] ${line}\n`)
      .join('')
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(chunk)))
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)))
  child.on('exit', (code) => {
    console.log(`[${name}] exited with ${code}; stopping the demo.`)
    stop(code ?? 1)
  })
  return child
})

console.log('Demo starting: Storybook on http://localhost:6006, PostHog emulator on http://127.0.0.1:8010')

let stopping = false
function stop(code) {
  if (stopping) return
  stopping = true
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
  }
  process.exit(code)
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
