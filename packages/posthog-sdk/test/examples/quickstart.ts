// The SDK README's quick start, compiled and run against the emulator in test/readme-examples.test.ts.
import {
  buildAccountIndex,
  createInMemoryDirectory,
  createPostHogClient,
  nextRuns,
  parseCatalog,
  parseConnection,
  parseQueryDefinition,
  type RecordSink,
  type RunReport,
  runSync,
  runWindow,
} from '@statisfy/posthog-sdk'

export async function quickstart(saved: {
  apiHost: string
  projectId: number
  personalApiKey: string
}): Promise<RunReport> {
  // 1. Parse what was saved (a form, a database row): bad input throws a ConfigError with field paths.
  const connection = parseConnection(saved)
  const definition = parseQueryDefinition({
    version: 1,
    id: 'daily-usage',
    name: 'Daily events per organisation',
    type: 'product_usage',
    hogql: `select $group_0 as org_id, toStartOfDay(timestamp) as day, event, count() as events
            from events
            where timestamp >= {period_start} and timestamp < {period_end} and $group_0 != ''
            group by org_id, day, event`,
    mapping: {
      account: { resolver: 'org_id', column: 'org_id' },
      valueColumn: 'events',
      timestampColumn: 'day',
      metric: { column: 'event' },
    },
    cadence: { kind: 'daily', at: '06:00', timeZone: 'Europe/Berlin' },
    // Rows are days: windows start and end on the project's midnights, so no day is written in parts.
    grain: 'day',
    enabled: true,
  })

  // 2. The host's side: its accounts, what it can store, and where records go (upserts on natural keys).
  const client = createPostHogClient({ ...connection, retry: { attempts: 3 } })
  const companies = await client.query<[string, string]>(
    'select key, properties.name from groups where index = 0 limit 1000',
  )
  const directory = createInMemoryDirectory(
    companies.results.map(([orgId, name]) => ({ id: `acc_${orgId}`, name, orgIds: [orgId] })),
  )
  const catalog = parseCatalog({ customFields: [], objectTypes: [], resolvers: ['org_id'] })
  const written: unknown[] = []
  const sink: RecordSink = {
    async write(batch) {
      written.push(...batch.records)
    },
  }

  // 3. One scheduled run: the window since the last run, read in full, mapped, resolved and written. PostHog starts
  //    days in the project's time zone, which it sends with every result (also to keys without project:read).
  const timeZone = companies.timezone ?? undefined
  const [scheduledAt] = nextRuns(definition.cadence, new Date(Date.now() - 86_400_000), 1)
  const window = runWindow(definition.cadence, {
    scheduledAt: scheduledAt ?? new Date(),
    grain: definition.grain,
    timeZone,
  })
  const accounts = await buildAccountIndex(directory, { resolvers: ['org_id'] })
  return runSync(definition, { client, sink, catalog, accounts }, { window, timeZone })
}
