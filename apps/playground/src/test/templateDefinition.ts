// Shared by the template tests: a template's result on the emulator and the definition the kit suggests from it,
// as a person gets by choosing the template and pressing Next through the add-query flow.
import type { Emulator } from '@statisfy/posthog-emulator'
import { type Catalog, createPostHogClient, type QueryDefinition } from '@statisfy/posthog-sdk'
import { buildDefinition, type QueryTemplate, suggestDraft } from '@statisfy/posthog-ui'

/** Runs the template's HogQL over `[start, end)` with the query-only demo key, every page read. */
export async function runTemplate(emulator: Emulator, template: QueryTemplate, window: { start: Date; end: Date }) {
  const client = createPostHogClient({
    apiHost: emulator.url,
    projectId: emulator.projectId,
    personalApiKey: emulator.keys.queryOnly,
  })
  return client.queryAll(template.hogql, {
    window,
    ...(template.grain ? { grain: { unit: template.grain, timeZone: 'UTC' } } : {}),
  } as Parameters<typeof client.queryAll>[1])
}

/** The saved definition the kit builds from the template and its result's columns; throws with the issues if none. */
export function templateDefinition(
  template: QueryTemplate,
  result: { columns: string[]; types: string[] },
  catalog: Catalog,
): QueryDefinition {
  const columns = result.columns.map((name, i) => ({ name, type: result.types[i] ?? '' }))
  const built = buildDefinition(
    {
      version: 1,
      id: template.id,
      name: template.name,
      hogql: template.hogql,
      cadence: { kind: 'daily', at: '06:00', timeZone: 'UTC' },
      enabled: true,
      ...(template.grain ? { grain: template.grain } : {}),
    } as Parameters<typeof buildDefinition>[0],
    suggestDraft(template.type, columns, catalog),
  )
  if (!built.ok) throw new Error(`The suggested mapping does not build: ${JSON.stringify(built.issues)}`)
  return built.definition
}
