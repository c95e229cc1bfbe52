// Runs every `bench/*.bench.ts` of the current package, one child process each, so that
// peak-memory figures of one benchmark are not inflated by another. Pass names to run a subset:
//   pnpm bench            -> all
//   pnpm bench client     -> bench/client*.bench.ts
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const filters = process.argv.slice(2)
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p)))
  .sort()
if (files.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ') || '*'} in ${join(process.cwd(), 'bench')}.`)
  process.exit(1)
}
for (const file of files) {
  console.log(`\n## ${file}\n`)
  const run = spawnSync('npx', ['tsx', '--conditions=@statisfy/source', join('bench', file)], { stdio: 'inherit' })
  if (run.status !== 0) process.exit(run.status ?? 1)
}
