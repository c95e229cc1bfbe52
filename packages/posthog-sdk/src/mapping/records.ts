/** A value written to a custom field or object attribute, after coercion to its catalog type. Dates are `YYYY-MM-DD`. */
export type CatalogValue = string | number | boolean | null

/** One product-usage point, as mapped from a row (before account resolution). */
export interface ProductUsageRecord {
  /** 1-based row of the query result it came from. */
  row: number
  /** The raw account reference read from the account column (trimmed). */
  accountRef: string
  /** Metric name: the label column's value or the mapping's fixed name. */
  metric: string
  /** UTC instant as `Date.prototype.toISOString()` writes it (`2025-06-01T00:00:00.000Z`). */
  timestamp: string
  value: number
}

/** One custom field value for an account. */
export interface CustomFieldRecord {
  row: number
  accountRef: string
  /** Catalog key of the custom field. */
  field: string
  /** Coerced to the field's catalog type; `null` clears the field. */
  value: CatalogValue
}

/** One custom object record. */
export interface CustomObjectRecord {
  row: number
  accountRef: string
  /** Catalog key of the custom object type. */
  objectType: string
  /** The record's key, unique per object type. */
  key: string
  /** Attribute values by catalog attribute key, coerced to their types. */
  attributes: Record<string, CatalogValue>
}

/** The record type produced for each query type. */
export interface RecordByType {
  product_usage: ProductUsageRecord
  custom_field: CustomFieldRecord
  custom_object: CustomObjectRecord
}

/** Any mapped record. */
export type MappedRecord = RecordByType[keyof RecordByType]
