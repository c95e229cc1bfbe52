import { useMessages } from '../../i18n/useMessages'
import type { PreviewTableTruncation } from './PreviewTable'

/** Explains why a result is incomplete and what to change in the query. */
export function TruncationNotice({ reason, rowCount }: { reason: PreviewTableTruncation; rowCount: number }) {
  const m = useMessages()
  return (
    <p className="sf-hint" data-reason={reason}>
      {text()}
    </p>
  )
  function text() {
    switch (reason) {
      case 'posthog_default_limit':
        return m.truncatedImplicitLimit
      case 'posthog_max_rows':
        return m.truncatedMaxRows
      case 'row_cap':
        return m.truncatedPreviewCap(rowCount)
      default:
        return reason satisfies never
    }
  }
}
