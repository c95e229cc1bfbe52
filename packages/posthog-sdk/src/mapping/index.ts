// Mapping: a PostHog result (columns, ClickHouse types, rows) + a saved mapping -> typed records and row rejects.

export type { ColumnKind, ColumnType } from './ColumnType'
export { parseColumnType, UNKNOWN_COLUMN_TYPE } from './ColumnType'
export { CoercionCache } from './coerce/CoercionCache'
export { coerceBoolean } from './coerce/coerceBoolean'
export { coerceDate } from './coerce/coerceDate'
export type { EnumOptions } from './coerce/coerceEnum'
export { coerceEnum, enumOptions } from './coerce/coerceEnum'
export { coerceNumber } from './coerce/coerceNumber'
export { coerceIdentifier, coerceText } from './coerce/coerceText'
export { coerceTimestamp, MIN_UNIX_SECONDS } from './coerce/coerceTimestamp'
export type { FieldCoercer } from './coerce/fieldCoercer'
export { fieldCoercer } from './coerce/fieldCoercer'
export { describeValue, Rejection } from './coerce/Rejection'
export type {
  CompiledMapping,
  CompiledMappingOf,
  CompiledProductUsage,
  MapOutput,
  ProductUsageCells,
} from './compile/CompiledMapping'
export { checkCatalog } from './compile/checkCatalog'
export { compileMapping } from './compile/compileMapping'
export { isMappingError, MappingError, MappingErrorCode } from './MappingError'
export type { MapResult } from './mapResult'
export { mapResult } from './mapResult'
export type { QueryResultLike, ResultHeader } from './QueryResultLike'
export { REJECT_REASONS, RejectReason } from './RejectReason'
export type { RowReject } from './RowReject'
export type {
  CatalogValue,
  CustomFieldRecord,
  CustomObjectRecord,
  MappedRecord,
  ProductUsageRecord,
  RecordByType,
} from './records'
