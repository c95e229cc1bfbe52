import { type Catalog, catalogSchema } from '../../../config/index'
import type { OperationHandlers, RouteContext } from '../RouteContext'

/** The tenant's catalog, parsed: it is the host's data, but a broken one must fail here, not deep in a sync. */
export async function loadCatalog(context: RouteContext): Promise<Catalog> {
  return catalogSchema.parse(await context.catalog.getCatalog(context.tenantId))
}

/** `GET /catalog`. */
export const catalogRoutes: Pick<OperationHandlers, 'getCatalog'> = {
  async getCatalog(context) {
    return { catalog: await loadCatalog(context) }
  },
}
