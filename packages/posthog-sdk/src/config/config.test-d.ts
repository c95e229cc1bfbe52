import { describe, expectTypeOf, it } from 'vitest'
import type * as z from 'zod'
import type {
  AccountResolver,
  AggregationGrain,
  Cadence,
  PostHogConnection,
  PostHogConnectionInput,
  QueryDefinition,
  queryDefinitionSchema,
} from './index'

describe('config types', () => {
  it('narrows a saved query by type', () => {
    expectTypeOf<Extract<QueryDefinition, { type: 'product_usage' }>['mapping']>().toHaveProperty('timestampColumn')
    expectTypeOf<Extract<QueryDefinition, { type: 'custom_object' }>['mapping']>().toHaveProperty('objectType')
    expectTypeOf<QueryDefinition['type']>().toEqualTypeOf<'product_usage' | 'custom_field' | 'custom_object'>()
    expectTypeOf<QueryDefinition['version']>().toEqualTypeOf<1>()
  })

  it('types resolvers as a template literal union', () => {
    expectTypeOf<'custom_field:plan'>().toExtend<AccountResolver>()
    expectTypeOf<'email_domain'>().toExtend<AccountResolver>()
    expectTypeOf<'zip_code'>().not.toExtend<AccountResolver>()
  })

  it('normalises the project id to a number but accepts text input', () => {
    expectTypeOf<PostHogConnection['projectId']>().toEqualTypeOf<number>()
    expectTypeOf<PostHogConnectionInput['projectId']>().toEqualTypeOf<string | number>()
  })

  it('discriminates cadences by kind', () => {
    expectTypeOf<Extract<Cadence, { kind: 'every_minutes' }>>().toHaveProperty('minutes')
    expectTypeOf<Extract<Cadence, { kind: 'weekly' }>['weekday']>().toEqualTypeOf<
      'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday'
    >()
  })

  it('types the grain as an optional union of the five buckets', () => {
    expectTypeOf<QueryDefinition['grain']>().toEqualTypeOf<AggregationGrain | undefined>()
    expectTypeOf<AggregationGrain>().toEqualTypeOf<'hour' | 'day' | 'week_monday' | 'week_sunday' | 'month'>()
  })

  it('infers the same type as the schema output', () => {
    expectTypeOf<z.output<typeof queryDefinitionSchema>>().toEqualTypeOf<QueryDefinition>()
  })
})
