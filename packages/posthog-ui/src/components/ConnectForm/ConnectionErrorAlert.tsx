import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import type { ConnectionAdvice } from './connectionAdvice'

/** The headline of a failed test or save, with the server's message saying what to fix. */
export function ConnectionErrorAlert({ advice }: { advice: ConnectionAdvice }) {
  const m = useMessages()
  return (
    <Alert tone="danger" title={m.connectionErrors[advice.title]} data-field={advice.field}>
      <p>{advice.message}</p>
    </Alert>
  )
}
