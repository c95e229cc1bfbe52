import {
  type Cadence,
  type CadenceKind,
  DEFAULT_POSTHOG_LIMITS,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  projectRequestBudget,
  WEEKDAYS,
  type Weekday,
} from '@statisfy/posthog-sdk'
import { forwardRef, useId, useMemo, useState } from 'react'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { cx } from '../../primitives/cx'
import { Field } from '../../primitives/Field'
import { useHydrated } from '../../primitives/useHydrated'
import { StandaloneRoot } from '../../theme/StandaloneRoot'
import { cadenceOfKind } from './defaultCadence'
import { timeZoneOptions } from './timeZones'
import { useNextRuns } from './useNextRuns'

const DAYS_OF_MONTH = Array.from({ length: 31 }, (_, i) => i + 1)

/** Props of {@link ScheduleEditor}. */
export type ScheduleEditorProps = {
  /** The cadence shown (controlled). */
  value: Cadence
  /** Called with every valid cadence the person makes; an invalid entry (3 minutes) is shown, not sent. */
  onChange: (cadence: Cadence) => void
  /** Called with the reason the current entry is invalid, and `null` once it is valid again. */
  onValidityChange?: (problem: string | null) => void
  /** Cadences of the other enabled queries on the same key, which share its hourly budget. @default [] */
  otherCadences?: readonly Cadence[]
  /** The key's hourly PostHog request budget. @default 2400 (PostHog's default) */
  limitPerHour?: number
  /** PostHog requests one run makes (window splits add more). @default 1 */
  requestsPerRun?: number
  /**
   * "Now" for the next-runs list (pin it in tests and stories). Without it the list is filled in after mount from
   * the browser's clock (empty in server HTML, so hydration matches) and moves on as runs pass.
   */
  now?: Date
  className?: string
}

/**
 * Edits when a saved query runs: daily, weekly, monthly (days past the month's end run on its last day) or every N
 * minutes, in an IANA time zone. Shows the next five runs in that zone (from the SDK's DST-correct schedule) and
 * the projected PostHog requests per hour against the key's budget.
 *
 * @example
 * <ScheduleEditor value={cadence} onChange={setCadence} otherCadences={enabled.map((q) => q.cadence)} />
 */
export const ScheduleEditor = forwardRef<HTMLFieldSetElement, ScheduleEditorProps>(function ScheduleEditor(
  {
    value,
    onChange,
    onValidityChange,
    otherCadences = [],
    limitPerHour = DEFAULT_POSTHOG_LIMITS.perHour,
    requestsPerRun = 1,
    now,
    className,
  },
  ref,
) {
  const m = useMessages()
  const runsId = useId()
  const [minutesText, setMinutesText] = useState(value.kind === 'every_minutes' ? String(value.minutes) : '60')
  const [minutesProblem, setMinutesProblem] = useState<string | null>(null)
  const hydrated = useHydrated()
  // Engines list different zones (Node's ICU, each browser): the server HTML and hydration offer UTC and the current
  // zone only, the engine's whole list once hydrated.
  const zones = useMemo(
    () => (hydrated ? timeZoneOptions(value.timeZone) : timeZoneOptions(value.timeZone, [])),
    [value.timeZone, hydrated],
  )
  const runs = useNextRuns(value, now, 5)
  const budget = projectRequestBudget(
    [...otherCadences.map((cadence) => ({ cadence, requestsPerRun })), { cadence: value, requestsPerRun }],
    { perHour: limitPerHour },
  )
  const format = new Intl.DateTimeFormat(m.dateLocale, {
    timeZone: value.timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  })

  function setKind(kind: CadenceKind) {
    const next = cadenceOfKind(kind, value)
    if (next.kind === 'every_minutes') setMinutesText(String(next.minutes))
    setMinutesProblem(null)
    onValidityChange?.(null)
    onChange(next)
  }

  function setMinutes(text: string) {
    setMinutesText(text)
    const minutes = Number(text)
    const ok = /^\d+$/.test(text.trim()) && minutes >= MIN_INTERVAL_MINUTES && minutes <= MAX_INTERVAL_MINUTES
    const problem = ok ? null : m.minutesHint
    setMinutesProblem(problem)
    onValidityChange?.(problem)
    if (ok && value.kind === 'every_minutes') onChange({ ...value, minutes })
  }

  const kinds: [CadenceKind, string][] = [
    ['daily', m.cadenceDaily],
    ['weekly', m.cadenceWeekly],
    ['monthly', m.cadenceMonthly],
    ['every_minutes', m.cadenceEveryMinutes],
  ]

  return (
    <StandaloneRoot>
      <fieldset
        ref={ref}
        className={cx('sf-panel', 'sf-stack', 'sf-schedule-editor', className)}
        data-state={minutesProblem ? 'invalid' : budget.status}
      >
        <legend className="sf-heading">{m.scheduleTitle}</legend>
        <div className="sf-row">
          <Field label={m.cadence}>
            {(control) => (
              <select
                {...control}
                className="sf-select"
                value={value.kind}
                onChange={(event) => setKind(event.target.value as CadenceKind)}
              >
                {kinds.map(([kind, label]) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {value.kind === 'weekly' ? (
            <Field label={m.weekday}>
              {(control) => (
                <select
                  {...control}
                  className="sf-select"
                  value={value.weekday}
                  onChange={(event) => onChange({ ...value, weekday: event.target.value as Weekday })}
                >
                  {WEEKDAYS.map((day) => (
                    <option key={day} value={day}>
                      {m.weekdays[day]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {value.kind === 'monthly' ? (
            <Field label={m.dayOfMonth} hint={m.dayOfMonthHint}>
              {(control) => (
                <select
                  {...control}
                  className="sf-select"
                  value={value.day}
                  onChange={(event) => onChange({ ...value, day: Number(event.target.value) })}
                >
                  {DAYS_OF_MONTH.map((day) => (
                    <option key={day} value={day}>
                      {day}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {value.kind === 'every_minutes' ? (
            <Field label={m.minutes} hint={m.minutesHint} error={minutesProblem ?? undefined}>
              {(control) => (
                <input
                  {...control}
                  className="sf-input"
                  inputMode="numeric"
                  value={minutesText}
                  onChange={(event) => setMinutes(event.target.value)}
                />
              )}
            </Field>
          ) : (
            <Field label={m.at}>
              {(control) => (
                <input
                  {...control}
                  className="sf-input"
                  type="time"
                  step={60}
                  required
                  value={value.at}
                  onChange={(event) => {
                    // A cleared time input reports ''; keep the last valid time rather than saving an empty one.
                    if (/^\d{2}:\d{2}$/.test(event.target.value)) onChange({ ...value, at: event.target.value })
                  }}
                />
              )}
            </Field>
          )}
          <Field label={m.timeZone}>
            {(control) => (
              <select
                {...control}
                className="sf-select"
                value={value.timeZone}
                onChange={(event) => onChange({ ...value, timeZone: event.target.value })}
              >
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div>
          <h3 className="sf-label" id={runsId} style={{ margin: 0 }}>
            {m.nextRuns}
          </h3>
          <ol className="sf-mono" aria-labelledby={runsId} aria-busy={runs === null} data-testid="next-runs">
            {(runs ?? []).map((run) => (
              <li key={run.getTime()}>
                <time dateTime={run.toISOString()}>{format.format(run)}</time>
              </li>
            ))}
          </ol>
        </div>
        <div className="sf-stack" style={{ gap: 4 }} data-budget={budget.status}>
          <label className="sf-hint">
            {m.requestBudget(Math.ceil(budget.requestsPerHour), budget.limitPerHour)}
            <meter
              className="sf-meter"
              min={0}
              max={budget.limitPerHour}
              low={budget.limitPerHour / 2}
              high={budget.limitPerHour}
              optimum={0}
              value={Math.min(budget.requestsPerHour, budget.limitPerHour)}
            />
          </label>
          {budget.status === 'over' ? <Alert tone="warning">{m.overBudget}</Alert> : null}
        </div>
      </fieldset>
    </StandaloneRoot>
  )
})
