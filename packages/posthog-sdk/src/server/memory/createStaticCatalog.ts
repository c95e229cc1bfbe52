import type { Catalog } from '../../config/index'
import type { CatalogProvider } from '../ports/CatalogProvider'

/**
 * A {@link CatalogProvider} answering the same catalog for every tenant (or one per tenant from a function).
 * @example createStaticCatalog({ customFields: [], objectTypes: [], resolvers: ['statisfy_id', 'email_domain'] })
 */
export function createStaticCatalog(catalog: Catalog | ((tenantId: string) => Catalog)): CatalogProvider {
  return {
    async getCatalog(tenantId) {
      return structuredClone(typeof catalog === 'function' ? catalog(tenantId) : catalog)
    },
  }
}
