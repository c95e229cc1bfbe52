import type { AggregationGrain, Cadence, QueryType, SavedQuery } from '@statisfy/posthog-sdk'
import { forwardRef, useEffect, useMemo, useRef, useState } from 'react'
import { HogQLEditorLazy } from '../../editor/HogQLEditorLazy'
import { useCatalog } from '../../hooks/useCatalog'
import { usePreview } from '../../hooks/usePreview'
import { useSaveQuery } from '../../hooks/useSaveQuery'
import { useSchema } from '../../hooks/useSchema'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { Button } from '../../primitives/Button'
import { cx } from '../../primitives/cx'
import { Field } from '../../primitives/Field'
import { usePostHogIntegration } from '../../provider/PostHogIntegrationContext'
import { GrainSelect } from '../GrainSelect/GrainSelect'
import { suggestedGrain } from '../GrainSelect/suggestedGrain'
import { MappingEditor } from '../MappingEditor/MappingEditor'
import { buildDefinition, draftFromDefinition, type MappingDraft, suggestDraft } from '../MappingEditor/mappingDraft'
import { PreviewTable } from '../PreviewTable/PreviewTable'
import { ScheduleEditor } from '../ScheduleEditor/ScheduleEditor'
import { localTimeZone } from '../ScheduleEditor/timeZones'
import { baseOf, newQueryId } from './newQueryBase'
import type { QueryTemplate } from './QueryTemplate'
import { TemplatePicker } from './TemplatePicker'
import { useQueryTemplates } from './useQueryTemplates'

/** The steps of adding or editing a query, in order; the current one is `data-state` of the flow. */
export type QueryFlowStep = 'type' | 'hogql' | 'preview' | 'mapping' | 'schedule'
const STEPS: QueryFlowStep[] = ['type', 'hogql', 'preview', 'mapping', 'schedule']

/** Props of {@link QueryFlow}. */
export type QueryFlowProps = {
  /** The saved query to edit; leave out to add one. */
  query?: SavedQuery | null
  /** Cadences of the other enabled queries (for the request budget). */
  otherCadences?: readonly Cadence[]
  /** Called with the saved query. */
  onDone: (saved: SavedQuery) => void
  onCancel: () => void
  /** "Now" for ids and next runs (inject a fixed date in tests). */
  now?: Date
  /**
   * Move focus to the first step's heading when the flow appears, for a flow that replaces the button that opened
   * it (focus would otherwise fall to the page). @default false
   */
  autoFocus?: boolean
  /**
   * Example queries a new query can start from: the type step offers those of the chosen type next to starting
   * blank. Invalid ones are left out with a console error naming them (see {@link QueryTemplate}). Not shown when
   * editing a saved query.
   */
  templates?: readonly QueryTemplate[]
  className?: string
}

/**
 * Adds or edits a saved query step by step: type and name → HogQL (the lazy-loaded editor, Mod-Enter runs the
 * preview) → preview → mapping (checked live) → schedule → save. Focus moves to each step's heading.
 */
export const QueryFlow = forwardRef<HTMLElement, QueryFlowProps>(function QueryFlow(
  { query = null, otherCadences = [], onDone, onCancel, now, autoFocus = false, templates, className },
  ref,
) {
  const m = useMessages()
  const validTemplates = useQueryTemplates(templates)
  const { client } = usePostHogIntegration()
  const catalog = useCatalog()
  const schema = useSchema()
  const preview = usePreview()
  const save = useSaveQuery()
  const editing = query?.definition ?? null
  const [step, setStep] = useState<QueryFlowStep>(editing ? 'hogql' : 'type')
  const [name, setName] = useState(editing?.name ?? '')
  const [hogql, setHogql] = useState(editing?.hogql ?? '')
  const [cadence, setCadence] = useState<Cadence>(
    () => editing?.cadence ?? { kind: 'daily', at: '06:00', timeZone: localTimeZone() },
  )
  const [cadenceProblem, setCadenceProblem] = useState<string | null>(null)
  // The grain the person chose (or the query was saved with); until then the suggestion follows the HogQL as edited.
  const [grainChoice, setGrainChoice] = useState<{ grain: AggregationGrain | undefined } | null>(() =>
    editing?.grain ? { grain: editing.grain } : null,
  )
  const grain = grainChoice ? grainChoice.grain : suggestedGrain(hogql)
  const [draft, setDraft] = useState<MappingDraft>(() =>
    editing ? draftFromDefinition(editing, []) : suggestDraft('product_usage', [], undefined),
  )
  const heading = useRef<HTMLHeadingElement>(null)
  const firstRender = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each step change to move focus to the new step.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      if (!autoFocus) return
    }
    heading.current?.focus()
  }, [step])

  // The mapping step checks the mapping without the grain: the grain is chosen (and its problems fixed) on the
  // schedule step, which a grain problem must not keep the person from reaching.
  const mappingBase = useMemo(
    () => ({ ...baseOf(editing, cadence), id: editing?.id ?? 'new-query', name, hogql, cadence, grain: undefined }),
    [editing, name, hogql, cadence],
  )
  const built = buildDefinition({ ...mappingBase, grain }, draft)
  const mapped = buildDefinition(mappingBase, draft)
  const columns = (preview.data?.columns ?? []).map((c, i) => ({ name: c, type: preview.data?.types[i] ?? 'String' }))

  function runPreview(text = hogql) {
    preview.mutate(
      { hogql: text },
      {
        onSuccess: (result) => {
          // A new query starts its mapping from the result's columns; an edited one keeps its mapping.
          if (!editing) {
            const cols = result.columns.map((c, i) => ({ name: c, type: result.types[i] ?? 'String' }))
            setDraft(suggestDraft(draft.type, cols, catalog.data))
          }
        },
      },
    )
  }

  // A preview of older HogQL (edited after Back) must not feed the mapping: it is run again on Next.
  const previewIsCurrent = preview.isSuccess && preview.variables?.hogql === hogql
  const canAdvance: Record<QueryFlowStep, boolean> = {
    type: name.trim().length > 0,
    hogql: hogql.trim().length > 0,
    preview: previewIsCurrent,
    mapping: mapped.ok,
    schedule: built.ok && cadenceProblem === null,
  }
  const index = STEPS.indexOf(step)
  const labels: Record<QueryFlowStep, string> = {
    type: m.stepType,
    hogql: m.stepHogql,
    preview: m.stepPreview,
    mapping: m.stepMapping,
    schedule: m.stepSchedule,
  }

  function next() {
    if (step === 'hogql' && !previewIsCurrent) runPreview()
    const following = STEPS[index + 1]
    if (following) setStep(following)
  }

  /** Starts the new query from a template, then moves on as Next does from a blank one. */
  function startFrom(template: QueryTemplate) {
    setName(template.name)
    setHogql(template.hogql)
    setGrainChoice(template.grain ? { grain: template.grain } : null)
    setStep('hogql')
  }

  function back() {
    // The schedule editor forgets unsaved interval text when it unmounts and keeps the last valid cadence, so its
    // problem must not outlive it (it would block Save when the step is shown again).
    if (step === 'schedule') setCadenceProblem(null)
    setStep(STEPS[index - 1] ?? 'type')
  }

  function onSave() {
    // The button is only aria-disabled (it stays focusable), so an invalid schedule must be refused here too.
    if (!built.ok || !canAdvance.schedule) return
    const definition = editing ? built.definition : { ...built.definition, id: newQueryId(name, now ?? new Date()) }
    save.mutate(definition, { onSuccess: onDone })
  }

  return (
    <section ref={ref} className={cx('sf-panel', 'sf-stack', 'sf-query-flow', className)} data-state={step}>
      <ol className="sf-steps" aria-label={editing ? m.editQuery : m.addQuery}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'sf-muted' : undefined}>
            {i + 1}. {labels[s]}
          </li>
        ))}
      </ol>
      <h3 ref={heading} tabIndex={-1} className="sf-heading">
        {labels[step]}
      </h3>
      {body()}
      {save.error ? <Alert tone="danger">{save.error.message}</Alert> : null}
      <div className="sf-row">
        <Button onClick={index === 0 ? onCancel : back}>{index === 0 ? m.cancel : m.back}</Button>
        {step === 'schedule' ? (
          <Button variant="primary" aria-disabled={!canAdvance.schedule} busy={save.isPending} onClick={onSave}>
            {m.saveQuery}
          </Button>
        ) : (
          <Button variant="primary" aria-disabled={!canAdvance[step]} onClick={() => canAdvance[step] && next()}>
            {m.next}
          </Button>
        )}
      </div>
    </section>
  )

  function body() {
    switch (step) {
      case 'type':
        return (
          <div className="sf-stack">
            <Field label={m.queryName}>
              {(control) => (
                <input {...control} className="sf-input" value={name} onChange={(e) => setName(e.target.value)} />
              )}
            </Field>
            <fieldset className="sf-choices">
              <legend>{m.queryType}</legend>
              {(
                [
                  ['product_usage', m.typeProductUsage],
                  ['custom_field', m.typeCustomField],
                  ['custom_object', m.typeCustomObject],
                ] as [QueryType, string][]
              ).map(([type, label]) => (
                <label key={type} className="sf-choice">
                  <input
                    type="radio"
                    name="sf-flow-type"
                    checked={draft.type === type}
                    onChange={() => setDraft({ ...draft, type })}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            {/* A template would replace a saved query's HogQL: they are for new queries only. */}
            {editing ? null : (
              <TemplatePicker templates={validTemplates.filter((t) => t.type === draft.type)} onChoose={startFrom} />
            )}
          </div>
        )
      case 'hogql':
        return (
          <div className="sf-stack">
            <HogQLEditorLazy
              value={hogql}
              onChange={setHogql}
              onRun={(text) => {
                runPreview(text)
                setStep('preview')
              }}
              schema={schema.data ?? null}
              validate={(text, signal) => client.validateHogQL({ hogql: text }, { signal })}
              aria-label={m.stepHogql}
            />
          </div>
        )
      case 'preview':
        return (
          <div className="sf-stack">
            <div className="sf-row">
              <Button onClick={() => runPreview()} busy={preview.isPending}>
                {m.runPreview}
              </Button>
            </div>
            <PreviewTable
              columns={preview.data ? columns : undefined}
              rows={preview.data?.rows}
              elapsedMs={preview.data?.elapsedMs}
              truncation={preview.data?.truncatedReason}
              error={preview.error}
              loading={preview.isPending}
              height={280}
            />
          </div>
        )
      case 'mapping':
        return (
          <MappingEditor
            className="sf-embedded"
            value={draft}
            onChange={setDraft}
            base={mappingBase}
            preview={preview.data ?? null}
            catalog={catalog.data}
          />
        )
      case 'schedule':
        return (
          <div className="sf-stack">
            <GrainSelect
              value={grain}
              onChange={(chosen) => setGrainChoice({ grain: chosen })}
              suggested={grainChoice === null}
              error={built.ok ? undefined : built.issues.find((issue) => issue.path === 'grain')?.message}
            />
            <ScheduleEditor
              className="sf-embedded"
              value={cadence}
              onChange={setCadence}
              onValidityChange={setCadenceProblem}
              otherCadences={otherCadences}
              now={now}
            />
            {built.ok ? null : (
              <Alert tone="warning" title={m.saveBlocked}>
                <ul>
                  {built.issues.map((issue) => (
                    <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
                  ))}
                </ul>
              </Alert>
            )}
          </div>
        )
      default:
        return step satisfies never
    }
  }
})
