import { type AggregationGrain, analyzeHogQL, suggestGrain } from '@statisfy/posthog-sdk'

/**
 * The grain to pre-fill for a query without one: the SDK's `suggestGrain(hogql)`, but only when the query reads the
 * `{period_start}`/`{period_end}` window. The SDK refuses a grain on a query without that window (there is nothing
 * to align), so pre-filling one there would block Save for a choice the person never made.
 */
export function suggestedGrain(hogql: string): AggregationGrain | undefined {
  const { placeholders } = analyzeHogQL(hogql)
  return placeholders.has('period_start') && placeholders.has('period_end') ? suggestGrain(hogql) : undefined
}
