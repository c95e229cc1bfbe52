import { StatisfyError } from '../errors/StatisfyError'

/** Stable codes of errors that fail a whole query's mapping before anything is written. */
export const MappingErrorCode = {
  /** The mapping names result columns the query did not return. */
  MissingColumns: 'missing_columns',
  /** The mapping does not fit the host's catalog (unknown field, object type, attribute, resolver; unmapped required attribute). */
  CatalogMismatch: 'catalog_mismatch',
} as const
export type MappingErrorCode = (typeof MappingErrorCode)[keyof typeof MappingErrorCode]

/**
 * The mapping cannot be applied to this result at all. Thrown before any row is mapped, so nothing is written.
 * `missingColumns`/`availableColumns` are filled for `missing_columns`; `issues` lists every catalog problem.
 */
export class MappingError extends StatisfyError<MappingErrorCode> {
  override readonly name = 'MappingError'
  readonly missingColumns: readonly string[]
  readonly availableColumns: readonly string[]
  readonly issues: readonly string[]

  constructor(
    code: MappingErrorCode,
    message: string,
    details: {
      missingColumns?: readonly string[]
      availableColumns?: readonly string[]
      issues?: readonly string[]
    } = {},
  ) {
    super(code, message)
    this.missingColumns = details.missingColumns ?? []
    this.availableColumns = details.availableColumns ?? []
    this.issues = details.issues ?? []
  }
}

/** True when `error` is a {@link MappingError}. */
export function isMappingError(error: unknown): error is MappingError {
  return error instanceof MappingError
}
