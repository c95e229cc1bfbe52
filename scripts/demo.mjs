// `pnpm demo`: the demo backend (PostHog emulator + the SDK's handler on :8020, scripts/demo-backend) and Storybook,
// whose dev server proxies /api/posthog to the backend for the "Live" stories. Both run until Ctrl-C; either one
// exiting stops the other. Each child runs in its own process group, so stopping it also stops what it spawned.
import { spawn } from 'node:child_process'

const STORY_URL = 'http://localhost:6006/?path=/story/live-posthogsettings--emulator'

const children = [
  ['backend', 'pnpm', ['exec', 'tsx', '--conditions=@statisfy/source', 'scripts/demo-backend/main.ts']],
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

console.log(`Demo starting (the emulator's dataset takes a few seconds the first time).
  Storybook:      http://localhost:6006
  Live story:     ${STORY_URL}
  Demo backend:   http://127.0.0.1:8020/api/posthog (PostHog emulator on http://127.0.0.1:8010)
Ctrl-C stops everything.`)

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
