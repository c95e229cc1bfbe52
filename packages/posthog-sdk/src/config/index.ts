export type { AccountResolver, BuiltInResolver } from './accountResolver'
export { accountResolverSchema, BUILT_IN_RESOLVERS, customFieldKeyOf } from './accountResolver'
export type { AggregationGrain } from './aggregationGrain'
export { AGGREGATION_GRAINS, aggregationGrainSchema } from './aggregationGrain'
export type { PostHogCloudRegion } from './apiHost'
export { apiHostRegion, apiHostSchema, normaliseApiHost, POSTHOG_CLOUD_HOSTS } from './apiHost'
export type { ConfigIssue } from './ConfigError'
export { ConfigError, ConfigErrorCode, isConfigError, toConfigIssues } from './ConfigError'
export type {
  Cadence,
  CadenceKind,
  DailyCadence,
  EveryMinutesCadence,
  MonthlyCadence,
  Weekday,
  WeeklyCadence,
} from './cadence'
export {
  cadenceSchema,
  dailyCadenceSchema,
  everyMinutesCadenceSchema,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  monthlyCadenceSchema,
  WEEKDAYS,
  weeklyCadenceSchema,
} from './cadence'
export type { Catalog, CatalogField, CatalogFieldType, CatalogObjectType } from './catalog'
export {
  CATALOG_FIELD_TYPES,
  catalogFieldSchema,
  catalogObjectTypeSchema,
  catalogSchema,
  parseCatalog,
} from './catalog'
export type { PostHogConnection, PostHogConnectionInput } from './connection'
export { parseConnection, personalApiKeySchema, postHogConnectionSchema, projectIdSchema } from './connection'
export type { HogQLValue } from './hogqlValue'
export { hogqlValueSchema, hogqlValuesSchema, WINDOW_PLACEHOLDERS } from './hogqlValue'
export type { MappedColumn, TypedMapping } from './mappedColumns'
export { mappedColumns } from './mappedColumns'
export type {
  AccountMapping,
  CustomFieldMapping,
  CustomObjectMapping,
  LongCustomFieldMapping,
  ProductUsageMapping,
  WideCustomFieldMapping,
} from './mapping'
export {
  accountMappingSchema,
  customFieldMappingSchema,
  customObjectMappingSchema,
  longCustomFieldMappingSchema,
  productUsageMappingSchema,
  wideCustomFieldMappingSchema,
} from './mapping'
export type {
  CustomFieldQuery,
  CustomObjectQuery,
  ProductUsageQuery,
  QueryDefinition,
  QueryType,
} from './queryDefinition'
export {
  MAX_HOGQL_LENGTH,
  parseQueryDefinition,
  QUERY_DEFINITION_VERSION,
  QUERY_TYPES,
  queryDefinitionSchema,
} from './queryDefinition'
export { suggestGrain } from './suggestGrain'
export { isValidTimeZone, timeZoneSchema } from './timeZone'
