import type { EmulatorContext } from '../EmulatorContext'

/** Property names found in a project's events, persons and groups (read once, then cached per emulator). */
export async function propertyNamesOf(context: EmulatorContext, teamId: number): Promise<Record<string, string[]>> {
  const read = (table: string) => {
    const key = `${teamId}:${table}`
    let pending = context.propertyNames.get(key)
    if (pending === undefined) {
      pending = context.session
        .queryAsync(
          `SELECT DISTINCT arrayJoin(JSONExtractKeys(properties)) AS name FROM \`${context.database}\`.${table} WHERE team_id = ${teamId} ORDER BY name`,
          { format: 'JSONCompact' },
        )
        .then((result) => (result.json() as { data: [string][] }).data.map((row) => row[0]))
      context.propertyNames.set(key, pending)
    }
    return pending
  }
  const [events, persons, groups] = await Promise.all([read('events'), read('persons'), read('groups')])
  return { events, persons, groups }
}
