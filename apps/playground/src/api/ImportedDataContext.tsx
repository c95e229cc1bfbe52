import { createContext, type ReactNode, useContext } from 'react'
import type { ImportedDataClient } from './createImportedDataClient'

const ImportedDataContext = createContext<ImportedDataClient | null>(null)

/** Gives the pages their imported-data client (a fake one in tests). */
export function ImportedDataProvider({ client, children }: { client: ImportedDataClient; children: ReactNode }) {
  return <ImportedDataContext.Provider value={client}>{children}</ImportedDataContext.Provider>
}

/** The imported-data client; throws outside {@link ImportedDataProvider}. */
export function useImportedDataClient(): ImportedDataClient {
  const client = useContext(ImportedDataContext)
  if (!client) throw new Error('useImportedDataClient must be used within ImportedDataProvider')
  return client
}
