#!/usr/bin/env node
// The sync-worker command. It runs the TypeScript sources as they are (a source-first workspace: the SDK resolves
// to its src/ through the @statisfy/source condition), in a child Node with tsx; signals are passed on, so Ctrl-C
// and SIGTERM reach the worker's graceful shutdown.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const child = spawn(
  process.execPath,
  ['--conditions=@statisfy/source', '--import', 'tsx', main, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
