import { AGGREGATION_GRAINS, type AggregationGrain } from '@statisfy/posthog-sdk'
import { forwardRef } from 'react'
import { useMessages } from '../../i18n/useMessages'
import { cx } from '../../primitives/cx'
import { Field } from '../../primitives/Field'
import { StandaloneRoot } from '../../theme/StandaloneRoot'

/** Props of {@link GrainSelect}. */
export type GrainSelectProps = {
  /** The grain the query's rows are aggregated per (controlled); `undefined` when they are not bucketed by time. */
  value: AggregationGrain | undefined
  /** Called with the grain chosen, or `undefined` for "not aggregated". */
  onChange: (grain: AggregationGrain | undefined) => void
  /**
   * True while `value` is a suggestion read from the query's HogQL (the SDK's `suggestGrain`) that the person has
   * not confirmed: the field says so. @default false
   */
  suggested?: boolean
  /** Why the grain cannot be saved (e.g. the query reads no `{period_start}`/`{period_end}` window). */
  error?: string
  className?: string
}

/** What the field shows; exposed as `data-state`. */
export type GrainSelectState = 'none' | 'suggested' | 'set'

/**
 * "Rows are aggregated per: not aggregated / hour / day / week (Mon) / week (Sun) / month" for a saved query, with
 * why it matters: with a grain, sync windows start on bucket boundaries in the project's time zone and a bucket is
 * read again until it is complete. Pre-fill it with `suggestGrain(hogql)` and pass `suggested` until the person
 * chooses.
 *
 * @example
 * <GrainSelect value={grain} onChange={setGrain} suggested={!chosen} />
 */
export const GrainSelect = forwardRef<HTMLDivElement, GrainSelectProps>(function GrainSelect(
  { value, onChange, suggested = false, error, className },
  ref,
) {
  const m = useMessages()
  const state: GrainSelectState = value === undefined ? 'none' : suggested ? 'suggested' : 'set'
  return (
    <StandaloneRoot>
      <div ref={ref} className={cx('sf-grain-select', className)} data-state={state}>
        <Field
          label={m.grain}
          error={error}
          hint={
            value !== undefined && suggested ? `${m.grainSuggested(m.grainLabels[value])} ${m.grainHint}` : m.grainHint
          }
        >
          {(control) => (
            <select
              {...control}
              className="sf-select"
              value={value ?? ''}
              onChange={(event) => onChange(grainOf(event.target.value))}
            >
              <option value="">{m.grainLabels.none}</option>
              {AGGREGATION_GRAINS.map((grain) => (
                <option key={grain} value={grain}>
                  {m.grainLabels[grain]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </StandaloneRoot>
  )
})

function grainOf(option: string): AggregationGrain | undefined {
  return AGGREGATION_GRAINS.find((grain) => grain === option)
}
