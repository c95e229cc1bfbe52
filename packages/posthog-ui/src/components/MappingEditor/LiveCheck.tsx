import type { ApiError, DryRunResponse } from '@statisfy/posthog-sdk'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { formatCell } from '../PreviewTable/columnKind'
import { groupRejects } from './groupRejects'

/** Where the live check stands; exposed as `data-state`. */
export type LiveCheckState = 'idle' | 'checking' | 'clean' | 'rejects' | 'error'

/** What the check waits for before it can run: a preview's rows, the account column, or the rest of the mapping. */
export type LiveCheckWait = 'preview' | 'account' | 'mapping'

/**
 * The mapping checked against the preview rows by the dry-run route: how many rows would be written, the rejects
 * grouped by reason ("3 of 100 values in “day” are not timestamps") with examples, and the resolver's match rate
 * with unmatched and ambiguous examples. Announced politely to screen readers as it changes.
 */
export function LiveCheck({
  result,
  error,
  checking,
  waitingFor,
}: {
  result: DryRunResponse | undefined
  error: ApiError | null
  checking: boolean
  /** Set while the check cannot run yet; says what it needs. */
  waitingFor: LiveCheckWait | null
}) {
  const m = useMessages()
  const state: LiveCheckState = waitingFor
    ? 'idle'
    : error
      ? 'error'
      : !result
        ? 'checking'
        : result.rejects.length > 0
          ? 'rejects'
          : 'clean'
  return (
    <section className="sf-stack sf-live-check" data-state={state} aria-live="polite" aria-busy={checking}>
      <h3 className="sf-label" style={{ margin: 0 }}>
        {m.liveCheck}
        {checking && result ? <span className="sf-muted"> · {m.checking}</span> : null}
      </h3>
      {body()}
    </section>
  )

  function body() {
    switch (state) {
      case 'idle':
        return (
          <p className="sf-muted">
            {waitingFor === 'account'
              ? m.liveCheckNeedsAccount
              : waitingFor === 'mapping'
                ? m.liveCheckNeedsMapping
                : m.liveCheckIdle}
          </p>
        )
      case 'checking':
        return <p className="sf-muted">{m.checking}</p>
      case 'error':
        return <Alert tone="danger">{error?.message}</Alert>
      case 'clean':
      case 'rejects': {
        if (!result) return null
        const total = result.rowsRead
        const groups = groupRejects(result.rejects)
        const resolver = result.resolver
        return (
          <>
            {result.error ? <Alert tone="danger">{result.error.message}</Alert> : null}
            <p data-tone={state === 'clean' ? 'success' : 'warning'}>{m.wouldWrite(result.counts.wouldWrite, total)}</p>
            {groups.length > 0 ? (
              <ul className="sf-list" aria-label={m.showRejects}>
                {groups.map((group) => (
                  <li key={`${group.reason}:${group.column}`} data-reason={group.reason}>
                    <span className="sf-grow">
                      {m.rejectSummary(
                        group.count,
                        total,
                        group.column,
                        m.rejectReasons[group.reason] ?? m.rejectOther(group.reason),
                      )}
                    </span>
                    <span className="sf-muted sf-mono">
                      {m.examples} {group.examples.map((e) => JSON.stringify(formatCell(e.value))).join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {resolver ? (
              <>
                <p data-testid="match-rate">{m.matchRate(resolver.matched, resolver.total)}</p>
                {resolver.unmatchedExamples.length > 0 ? (
                  <Examples
                    title={m.unmatchedExamples}
                    items={resolver.unmatchedExamples.map((e) => ({ value: e.value, detail: e.reason }))}
                  />
                ) : null}
                {resolver.ambiguousExamples.length > 0 ? (
                  <Examples
                    title={m.ambiguousExamples}
                    items={resolver.ambiguousExamples.map((e) => ({
                      value: e.value,
                      detail: e.candidates.map((c) => c.name).join(' · '),
                    }))}
                  />
                ) : null}
              </>
            ) : null}
          </>
        )
      }
      default:
        return state satisfies never
    }
  }
}

function Examples({ title, items }: { title: string; items: { value: unknown; detail: string }[] }) {
  return (
    <div className="sf-examples">
      <p className="sf-label">{title}</p>
      <ul>
        {items.map((item) => (
          <li key={formatCell(item.value)}>
            <span className="sf-mono">{formatCell(item.value)}</span> <span className="sf-muted">— {item.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
