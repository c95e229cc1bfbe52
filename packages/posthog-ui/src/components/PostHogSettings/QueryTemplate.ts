import type { AggregationGrain, QueryType } from '@statisfy/posthog-sdk'

/**
 * An example query the add-query flow offers on its first step ("Start from an example"), among the templates of the
 * query type chosen there. Choosing one fills the new query's name, HogQL and grain and moves on to the HogQL step,
 * where everything stays editable; the mapping is then suggested from the preview's columns, as for a blank query.
 *
 * Templates are checked when the flow opens: one whose `type` is not a {@link QueryType} or whose `hogql` is empty
 * (or without an `id` or `name`, with an unknown `grain`, or repeating an earlier `id`) is left out, with a console
 * error naming its id.
 *
 * @example
 * const templates: QueryTemplate[] = [{
 *   id: 'daily-active-users',
 *   name: 'Daily active users',
 *   description: 'Distinct users per organisation and day.',
 *   type: 'product_usage',
 *   hogql: 'SELECT properties.org_id AS org_id, toStartOfDay(timestamp) AS day, count(DISTINCT person_id) AS dau FROM events WHERE timestamp >= {period_start} AND timestamp < {period_end} GROUP BY org_id, day',
 *   grain: 'day',
 * }]
 */
export type QueryTemplate = {
  /** Unique among the templates; named in the console error when the template is refused. */
  id: string
  /** The button's label, and the new query's name until the person changes it. */
  name: string
  /** One line under the name saying what the query imports. */
  description?: string
  /** The query type it is offered for. */
  type: QueryType
  /** The HogQL the editor starts with. */
  hogql: string
  /** The grain to save it with; leave out to let the schedule step suggest one from the HogQL. */
  grain?: AggregationGrain
}
