// @statisfy/posthog-sdk/testing: in-memory ports and fixtures for host tests. Not for production use.

export type { MemoryRecordSink, MemoryRecordSinkOptions } from './createMemoryRecordSink'
export { createMemoryRecordSink } from './createMemoryRecordSink'
export type { RecordedQuery, StaticQueryClient, StaticResult } from './createStaticQueryClient'
export { createStaticQueryClient } from './createStaticQueryClient'
export { createSteppingClock } from './createSteppingClock'
export { exampleCatalog } from './exampleCatalog'
export { customFieldQuery, customObjectQuery, productUsageQuery } from './queryDefinitionFixture'
