import type { Catalog } from '../../config/index'

/** The host's catalog per tenant: custom fields, custom object types and attributes, supported resolvers. */
export interface CatalogProvider {
  /** Returned values are parsed with `catalogSchema` by the handler. */
  getCatalog(tenantId: string): Promise<Catalog>
}
