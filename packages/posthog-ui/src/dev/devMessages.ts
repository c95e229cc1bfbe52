// Every developer-facing message of the kit (about props a host passed, never shown to the person using the page)
// lives here, so their wording stays consistent and a search for one finds its cause.

/** Messages for host developers, printed with `console.error`. */
export const devMessages = {
  /** A query template the kit left out; `problem` says what to change. */
  templateRefused: (id: string, problem: string) =>
    `[@statisfy/posthog-ui] The query template ${id} is not offered: ${problem}`,
  templateNotObject: (index: number) => `templates[${index}] is not an object; pass { id, name, type, hogql }.`,
  templateNoId: (index: number) => `templates[${index}] has no id; give each template a unique, non-empty id.`,
  templateDuplicateId: 'its id repeats an earlier template’s; give each template a unique id.',
  templateNoName: 'give it a non-empty name (the button’s label and the new query’s name).',
  templateBadType: (type: unknown, types: readonly string[]) =>
    `its type ${JSON.stringify(type)} is not a query type; use one of ${types.join(', ')}.`,
  templateNoHogql: 'its hogql is empty; give it the HogQL the editor should start with.',
  templateBadGrain: (grain: unknown, grains: readonly string[]) =>
    `its grain ${JSON.stringify(grain)} is not a grain; use one of ${grains.join(', ')}, or leave it out.`,
} as const
