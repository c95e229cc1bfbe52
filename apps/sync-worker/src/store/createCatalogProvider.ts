import { type Catalog, catalogSchema } from '@statisfy/posthog-sdk'
import type { CatalogProvider } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import * as z from 'zod'
import type { Database } from '../db/Database'
import { WorkerStoreError, WorkerStoreErrorCode } from './WorkerStoreError'

/**
 * The SDK's {@link CatalogProvider}: the tenant's own catalog (`tenants.catalog`, parsed with the SDK's
 * `catalogSchema`), else `fallback` (no tenant row, or no catalog of its own). A stored catalog that no longer
 * parses throws `corrupt_row` naming the tenant, rather than mapping a run against the wrong fields.
 * @example const catalog = createCatalogProvider(database.db, defaultCatalog)
 */
export function createCatalogProvider(db: Kysely<Database>, fallback: Catalog): CatalogProvider {
  return {
    async getCatalog(tenantId) {
      const row = await db.selectFrom('tenants').select('catalog').where('id', '=', tenantId).executeTakeFirst()
      if (!row || row.catalog === null) return structuredClone(fallback)
      try {
        return catalogSchema.parse(JSON.parse(row.catalog))
      } catch (error) {
        const detail = error instanceof z.ZodError ? z.prettifyError(error) : String(error)
        throw new WorkerStoreError(
          WorkerStoreErrorCode.CorruptRow,
          `The catalog stored for tenant '${tenantId}' is not valid (${detail}). Store a valid one, or clear it (null) to use the worker's default.`,
          { cause: error },
        )
      }
    },
  }
}
