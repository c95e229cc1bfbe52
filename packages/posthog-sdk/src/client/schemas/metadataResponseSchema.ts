import * as z from 'zod'

/** A `HogQLNotice`: message and, when known, 0-based [start, end) offsets into the query and a replacement `fix`. */
export const hogqlNoticeSchema = z.looseObject({
  message: z.string(),
  start: z.number().int().nullish(),
  end: z.number().int().nullish(),
  fix: z.string().nullish(),
})

/** `HogQLMetadataResponse`, lenient (older `isValidView`/`inputExpr`, newer `isUsingIndices`/`table_names` ignored). */
export const metadataResponseSchema = z.looseObject({
  query: z.string().nullish(),
  isValid: z.boolean().nullish(),
  errors: z.array(hogqlNoticeSchema).nullish(),
  warnings: z.array(hogqlNoticeSchema).nullish(),
  notices: z.array(hogqlNoticeSchema).nullish(),
})

/** A parsed `HogQLMetadataResponse`. */
export type MetadataResponseBody = z.infer<typeof metadataResponseSchema>
