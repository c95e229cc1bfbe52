import type { TestConnectionResponse } from '@statisfy/posthog-sdk'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'

/** Where a connection test stands; `failed` is shown by the error alert instead. */
export type TestResultState = 'idle' | 'testing' | 'passed'

/** The outcome of Test connection: project name, time zone and the key's scopes (warning without query:read). */
export function TestResult({ state, result }: { state: TestResultState; result: TestConnectionResponse | undefined }) {
  const m = useMessages()
  switch (state) {
    case 'idle':
      return null
    case 'testing':
      return (
        <p className="sf-muted" role="status" data-state={state}>
          {m.testing}
        </p>
      )
    case 'passed': {
      if (!result) return null
      const scopes = result.keyScopes
      const lacksQuery = result.scopes['query:read'] === 'missing'
      return (
        <Alert
          tone={lacksQuery ? 'warning' : 'success'}
          data-state={state}
          title={m.connectedTo(result.project?.name ?? `#${result.projectId}`)}
        >
          <dl className="sf-row" style={{ margin: 0 }}>
            <div>
              <dt className="sf-label">{m.projectTimeZone}</dt>
              <dd style={{ margin: 0 }}>{result.project?.timeZone ?? m.scopesUnknown}</dd>
            </div>
            <div>
              <dt className="sf-label">{m.keyScopes}</dt>
              <dd style={{ margin: 0 }} className="sf-mono">
                {scopes ? scopes.join(', ') : m.scopesUnknown}
              </dd>
            </div>
          </dl>
          {lacksQuery ? <p>{m.missingQueryRead}</p> : null}
        </Alert>
      )
    }
    default:
      return state satisfies never
  }
}
