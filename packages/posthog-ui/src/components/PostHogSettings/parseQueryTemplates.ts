import { AGGREGATION_GRAINS, QUERY_TYPES } from '@statisfy/posthog-sdk'
import { devMessages } from '../../dev/devMessages'
import type { QueryTemplate } from './QueryTemplate'

/** The templates the flow can offer, and a message for each one it cannot. */
export type ParsedQueryTemplates = { templates: QueryTemplate[]; problems: string[] }

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/**
 * Checks the `templates` prop once, where it enters the kit: it comes from the host's code (plain JavaScript, or data
 * loaded at run time), so each entry is read as `unknown`. Good templates are kept in order; the others are left out
 * with a message naming the template's id (or its index when it has none).
 */
export function parseQueryTemplates(input: readonly unknown[] | undefined): ParsedQueryTemplates {
  const templates: QueryTemplate[] = []
  const problems: string[] = []
  const ids = new Set<string>()
  ;(input ?? []).forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) {
      problems.push(devMessages.templateRefused(`#${index}`, devMessages.templateNotObject(index)))
      return
    }
    const { id, name, description, type, hogql, grain } = entry as Record<string, unknown>
    if (!isText(id)) {
      problems.push(devMessages.templateRefused(`#${index}`, devMessages.templateNoId(index)))
      return
    }
    const problem = !QUERY_TYPES.includes(type as never)
      ? devMessages.templateBadType(type, QUERY_TYPES)
      : !isText(hogql)
        ? devMessages.templateNoHogql
        : !isText(name)
          ? devMessages.templateNoName
          : grain !== undefined && !AGGREGATION_GRAINS.includes(grain as never)
            ? devMessages.templateBadGrain(grain, AGGREGATION_GRAINS)
            : ids.has(id)
              ? devMessages.templateDuplicateId
              : null
    if (problem) {
      problems.push(devMessages.templateRefused(JSON.stringify(id), problem))
      return
    }
    ids.add(id)
    templates.push({
      id,
      name: name as string,
      ...(isText(description) ? { description } : {}),
      type: type as QueryTemplate['type'],
      hogql: hogql as string,
      ...(grain === undefined ? {} : { grain: grain as QueryTemplate['grain'] }),
    })
  })
  return { templates, problems }
}
