import type { ApiError, ConnectionView } from '@statisfy/posthog-sdk'
import { type FormEvent, forwardRef, useEffect, useRef, useState } from 'react'
import { useConnection } from '../../hooks/useConnection'
import { useDeleteConnection } from '../../hooks/useDeleteConnection'
import { useSaveConnection } from '../../hooks/useSaveConnection'
import { useTestConnection } from '../../hooks/useTestConnection'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { Badge } from '../../primitives/Badge'
import { Button } from '../../primitives/Button'
import { cx } from '../../primitives/cx'
import { Dialog } from '../../primitives/Dialog'
import { Field } from '../../primitives/Field'
import { ConnectionErrorAlert } from './ConnectionErrorAlert'
import { type ConnectDefaults, initialConnectFields } from './connectDefaults'
import { type ConnectionField, connectionAdvice } from './connectionAdvice'
import { apiHostFor, type HostChoice } from './hostChoice'
import { TestResult } from './TestResult'

/** Props of {@link ConnectForm}. */
export type ConnectFormProps = {
  className?: string
  /** Called after the connection was tested by the server and saved. */
  onSaved?: (connection: ConnectionView) => void
  /** Called after the person disconnected PostHog. */
  onDisconnected?: () => void
  /**
   * What the fields start from while the tenant has no saved connection (a demo, or an onboarding flow that knows
   * the project); never applied over a saved connection. Do not put a production key here: see {@link ConnectDefaults}.
   * @example { apiHost: 'https://eu.posthog.com', projectId: 12345 }
   */
  defaults?: ConnectDefaults
}

/** Where the connection stands; exposed as `data-state` on the form's root. */
export type ConnectFormState = 'loading' | 'error' | 'disconnected' | 'connected'

/**
 * Connects the tenant's PostHog project: region (US, EU or a self-hosted URL), project id and personal API key
 * (masked; once saved only its hint is shown, with Replace and Disconnect). Test connection shows the project's name,
 * time zone and the key's scopes; failures say what to fix and mark the field concerned.
 *
 * @example
 * <PostHogIntegrationProvider client={client}><ConnectForm onSaved={() => toast('Connected')} /></PostHogIntegrationProvider>
 */
export const ConnectForm = forwardRef<HTMLElement, ConnectFormProps>(function ConnectForm(
  { className, onSaved, onDisconnected, defaults },
  ref,
) {
  const m = useMessages()
  const connection = useConnection()
  // Disconnecting removes the button the dialog would give focus back to; keyboard users would be dropped on the
  // page's start, so focus goes to the heading.
  const heading = useRef<HTMLHeadingElement>(null)
  const [justDisconnected, setJustDisconnected] = useState(false)
  useEffect(() => {
    if (!justDisconnected) return
    setJustDisconnected(false)
    const active = document.activeElement
    if (active === null || active === document.body || !active.isConnected) heading.current?.focus()
  }, [justDisconnected])
  const state: ConnectFormState = connection.isPending
    ? 'loading'
    : connection.isError
      ? 'error'
      : connection.data
        ? 'connected'
        : 'disconnected'
  return (
    <section
      ref={ref}
      className={cx('sf-panel', 'sf-stack', 'sf-connect-form', className)}
      data-state={state}
      aria-label={m.connectionTitle}
      aria-busy={state === 'loading'}
    >
      <div className="sf-row sf-center">
        <h2 ref={heading} tabIndex={-1} className="sf-heading sf-grow">
          {m.connectionTitle}
        </h2>
        {state === 'connected' || state === 'disconnected' ? (
          <Badge tone={state === 'connected' ? 'success' : 'muted'}>
            {state === 'connected' ? m.connected : m.notConnected}
          </Badge>
        ) : null}
      </div>
      {state === 'loading' ? <p className="sf-muted">{m.loading}</p> : null}
      {state === 'error' ? (
        <Alert tone="danger" title={m.connectionErrors.failed}>
          <p>{connection.error?.message}</p>
          <Button onClick={() => connection.refetch()}>{m.retry}</Button>
        </Alert>
      ) : null}
      {state === 'connected' || state === 'disconnected' ? (
        // Keyed by the saved connection so the fields start from it again after a save or disconnect.
        <ConnectFields
          key={connection.data?.updatedAt ?? 'new'}
          saved={connection.data ?? null}
          defaults={defaults}
          onSaved={onSaved}
          onDisconnected={() => {
            setJustDisconnected(true)
            onDisconnected?.()
          }}
        />
      ) : null}
    </section>
  )
})

function ConnectFields({
  saved,
  defaults,
  onSaved,
  onDisconnected,
}: {
  saved: ConnectionView | null
  defaults: ConnectDefaults | undefined
  onSaved: ((connection: ConnectionView) => void) | undefined
  onDisconnected: (() => void) | undefined
}) {
  const m = useMessages()
  // Read once: the fields are the person's from the first render on (a host re-rendering with new defaults must not
  // overwrite what they typed).
  const [initial] = useState(() => initialConnectFields(saved, defaults))
  const [choice, setChoice] = useState<HostChoice>(initial.choice)
  const [url, setUrl] = useState(initial.url)
  const [projectId, setProjectId] = useState(initial.projectId)
  const [key, setKey] = useState(initial.key)
  const [replacingKey, setReplacingKey] = useState(saved === null)
  const [localErrors, setLocalErrors] = useState<Partial<Record<Exclude<ConnectionField, 'form'>, string>>>({})
  const [confirming, setConfirming] = useState(false)
  const test = useTestConnection()
  const save = useSaveConnection()
  const disconnect = useDeleteConnection()

  const lastError: ApiError | null = save.error ?? test.error ?? disconnect.error ?? null
  const advice = lastError ? connectionAdvice(lastError) : null
  const errors = { ...advice?.fieldErrors, ...localErrors }
  if (advice && advice.field !== 'form' && !errors[advice.field]) errors[advice.field] = advice.message

  /** Checks the fields locally (same rules as the server) and returns the request, or null with errors shown. */
  function collect() {
    const next: typeof localErrors = {}
    const host = apiHostFor(choice, url)
    if (!host.ok) next.apiHost = host.message
    const id = Number(projectId.trim())
    if (!/^\d+$/.test(projectId.trim()) || id <= 0) next.projectId = m.projectIdInvalid
    if (replacingKey && key.trim() === '') next.personalApiKey = m.keyRequired
    setLocalErrors(next)
    if (!host.ok || Object.keys(next).length > 0) return null
    return { apiHost: host.apiHost, projectId: id, ...(replacingKey ? { personalApiKey: key.trim() } : {}) }
  }

  function reset() {
    test.reset()
    save.reset()
    disconnect.reset()
  }

  function onTest() {
    reset()
    const request = collect()
    if (request) test.mutate(request)
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    reset()
    const request = collect()
    if (request) save.mutate(request, { onSuccess: (connection) => onSaved?.(connection) })
  }

  const hostField = choice === 'self-hosted' ? 'selfHostedUrl' : 'apiHost'
  return (
    <>
      <form className="sf-stack" onSubmit={onSubmit} noValidate>
        <div className="sf-row">
          <Field label={m.apiHost} error={hostField === 'apiHost' ? errors.apiHost : undefined}>
            {(control) => (
              <select
                {...control}
                className="sf-select"
                value={choice}
                onChange={(event) => setChoice(event.target.value as HostChoice)}
              >
                <option value="us">{m.apiHostUs}</option>
                <option value="eu">{m.apiHostEu}</option>
                <option value="self-hosted">{m.apiHostSelfHosted}</option>
              </select>
            )}
          </Field>
          {choice === 'self-hosted' ? (
            <Field label={m.selfHostedUrl} hint={m.selfHostedUrlHint} error={errors.apiHost}>
              {(control) => (
                <input
                  {...control}
                  className="sf-input"
                  type="url"
                  inputMode="url"
                  autoComplete="url"
                  placeholder="https://posthog.example.com"
                  value={url}
                  onChange={(event) => setUrl(event.target.value)}
                />
              )}
            </Field>
          ) : null}
          <Field label={m.projectId} hint={m.projectIdHint} error={errors.projectId}>
            {(control) => (
              <input
                {...control}
                className="sf-input"
                inputMode="numeric"
                autoComplete="off"
                value={projectId}
                onChange={(event) => setProjectId(event.target.value)}
              />
            )}
          </Field>
        </div>
        {replacingKey ? (
          <div className="sf-row">
            <Field label={m.personalApiKey} hint={m.personalApiKeyHint} error={errors.personalApiKey}>
              {(control) => (
                <input
                  {...control}
                  className="sf-input sf-mono"
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="phx_…"
                  value={key}
                  onChange={(event) => setKey(event.target.value)}
                />
              )}
            </Field>
            {saved ? (
              <Button
                variant="ghost"
                className="sf-field-action"
                onClick={() => {
                  setReplacingKey(false)
                  setKey('')
                }}
              >
                {m.keepKey}
              </Button>
            ) : null}
          </div>
        ) : (
          <div className="sf-row sf-center">
            <span className="sf-mono" data-testid="key-hint">
              {m.savedKey(saved?.keyHint ?? '')}
            </span>
            <Button variant="ghost" onClick={() => setReplacingKey(true)}>
              {m.replaceKey}
            </Button>
          </div>
        )}
        {errors.personalApiKey && !replacingKey ? (
          <p className="sf-hint" role="alert" data-tone="danger">
            {errors.personalApiKey}
          </p>
        ) : null}
        <div className="sf-row">
          <Button onClick={onTest} busy={test.isPending}>
            {test.isPending ? m.testing : m.testConnection}
          </Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {save.isPending ? m.saving : m.save}
          </Button>
          {saved ? (
            <Button
              variant="danger"
              onClick={() => {
                disconnect.reset()
                setConfirming(true)
              }}
            >
              {m.disconnect}
            </Button>
          ) : null}
        </div>
      </form>
      <TestResult state={test.isPending ? 'testing' : test.isSuccess ? 'passed' : 'idle'} result={test.data} />
      {advice ? <ConnectionErrorAlert advice={advice} /> : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={m.disconnectConfirmTitle}>
        <p>{m.disconnectConfirmBody}</p>
        {/* The form's own alert is behind the modal overlay while the dialog is open. */}
        {disconnect.error ? <ConnectionErrorAlert advice={connectionAdvice(disconnect.error)} /> : null}
        <div className="sf-row">
          <Button onClick={() => setConfirming(false)}>{m.cancel}</Button>
          <Button
            variant="primary"
            busy={disconnect.isPending}
            onClick={() =>
              disconnect.mutate(undefined, {
                onSuccess: () => {
                  setConfirming(false)
                  onDisconnected?.()
                },
              })
            }
          >
            {m.disconnect}
          </Button>
        </div>
      </Dialog>
    </>
  )
}
