import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createImportedDataClient } from './api/createImportedDataClient'
import { ImportedDataProvider } from './api/ImportedDataContext'
import './styles.css'

// One cache for the host and the kit: what Settings runs and what Accounts shows live side by side.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => count < 2 && !('status' in error && Number(error.status) >= 400) },
  },
})
const importedData = createImportedDataClient({ baseUrl: '/api/imported' })

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ImportedDataProvider client={importedData}>
        <App />
      </ImportedDataProvider>
    </QueryClientProvider>
  </StrictMode>,
)
