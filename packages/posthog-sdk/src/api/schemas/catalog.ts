import * as z from 'zod'
import { catalogSchema } from '../../config/index'

/** `GET /catalog`: what the host can write (custom fields, object types and attributes) and the resolvers it supports. */
export const getCatalogResponseSchema = z.object({ catalog: catalogSchema })
/** `GET /catalog` response. */
export type GetCatalogResponse = z.infer<typeof getCatalogResponseSchema>
