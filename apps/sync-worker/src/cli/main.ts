// The sync-worker command line: serve | run | backfill | runs | migrate | tenants | accounts. Every command reads the
// same environment (see the README); errors print what is wrong and what to do, and exit non-zero.
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config/loadConfig'
import { createLogger } from '../log/createLogger'
import { accountsCommand } from './accountsCommand'
import { backfillCommand } from './backfillCommand'
import { migrateCommand } from './migrateCommand'
import { runCommand } from './runCommand'
import { runsCommand } from './runsCommand'
import { serveCommand } from './serveCommand'
import { tenantsCommand } from './tenantsCommand'
import { UsageError } from './UsageError'

const USAGE = `Usage: sync-worker <command> [options]

Commands:
  serve                                   run the worker and its HTTP API until SIGTERM / Ctrl-C
  run <query> [--tenant T]                run a query now, with progress, and print its report
  backfill <query> --from D --to D [--tenant T]
                                          backfill [from, to) in chunks (resumes an unfinished one)
  runs [--query Q] [--tenant T] [--limit N]
                                          the run history, newest first
  migrate                                 bring the database schema up to date
  tenants [add <id> [--name N] | token <id> | tracking <id> on|off]
                                          list, add, issue a token, switch activity tracking
  accounts import <tenant> --file F.json  load accounts (the directory the resolvers match against)

Options: --json (machine-readable output), --help
Environment: DATABASE_URL, REDIS_URL, SYNC_WORKER_SQLITE, PORT, SYNC_WORKER_SEALING_KEY, ... (see the README)`

/** Parsed command-line flags shared by the commands. */
export interface CliFlags {
  tenant?: string
  query?: string
  from?: string
  to?: string
  name?: string
  file?: string
  limit?: string
  json: boolean
}

const OPTIONS = {
  tenant: { type: 'string' },
  query: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  name: { type: 'string' },
  file: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const

// parseArgs throws a TypeError (ERR_PARSE_ARGS_UNKNOWN_OPTION, ...) for an unknown flag or a flag without its value:
// that is a usage mistake (exit 2, with the usage), not a failure of the command.
function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS })
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv)
  const [command, ...args] = positionals
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (!command) {
    console.error(USAGE)
    return 2
  }
  const config = loadConfig()
  const logger = createLogger(command === 'serve' ? config.logLevel : (process.env.LOG_LEVEL ?? 'warn'))
  const flags: CliFlags = { ...values, json: values.json ?? false }
  switch (command) {
    case 'serve':
      return serveCommand(config, logger)
    case 'run':
      return runCommand(config, logger, args, flags)
    case 'backfill':
      return backfillCommand(config, logger, args, flags)
    case 'runs':
      return runsCommand(config, logger, flags)
    case 'migrate':
      return migrateCommand(config, flags)
    case 'tenants':
      return tenantsCommand(config, args, flags)
    case 'accounts':
      return accountsCommand(config, args, flags)
    default:
      console.error(`Unknown command '${command}'.\n\n${USAGE}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = error instanceof UsageError ? 2 : error instanceof ConfigError ? 78 : 1
  },
)
