import type { ApiClient, GetSchemaResponse } from '@statisfy/posthog-sdk'
import { describe, expectTypeOf, it } from 'vitest'
import type { HogQLEditorProps } from './HogQLEditor'
import type { HogQLValidate } from './hogqlDiagnostics'
import type { HogQLSchemaInput } from './hogqlSchema'

// The settings page wires the editor straight to the kit's API client and hooks: these must fit without adapters.
describe('editor props accept what @statisfy/posthog-sdk returns', () => {
  it('takes useSchema().data as schema', () => {
    expectTypeOf<GetSchemaResponse>().toExtend<HogQLSchemaInput>()
    expectTypeOf<GetSchemaResponse | undefined>().toExtend<HogQLEditorProps['schema']>()
  })

  it('takes the API client’s validateHogQL as validate', () => {
    const wire =
      (client: ApiClient): HogQLValidate =>
      (hogql, signal) =>
        client.validateHogQL({ hogql }, { signal })
    expectTypeOf(wire).returns.toEqualTypeOf<HogQLValidate>()
  })
})
