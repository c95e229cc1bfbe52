import type { Catalog, PreviewResponse, QueryDefinition, QueryType } from '@statisfy/posthog-sdk'
import { forwardRef, useId, useMemo } from 'react'
import { useCatalog } from '../../hooks/useCatalog'
import { useDryRun } from '../../hooks/useDryRun'
import { useMessages } from '../../i18n/useMessages'
import { Button } from '../../primitives/Button'
import { cx } from '../../primitives/cx'
import { Field } from '../../primitives/Field'
import { ColumnSelect } from './ColumnSelect'
import { LiveCheck, type LiveCheckWait } from './LiveCheck'
import { buildDefinition, type DefinitionBase, type MappingDraft } from './mappingDraft'
import { suggestColumns } from './suggestions'
import { issueFinder, TypeFields } from './TypeFields'

/** Props of {@link MappingEditor}. */
export type MappingEditorProps = {
  /** The mapping being edited (controlled); start one with `suggestDraft(type, columns, catalog)`. */
  value: MappingDraft
  onChange: (draft: MappingDraft) => void
  /** The rest of the saved query (id, name, HogQL, cadence...), so the check and save see the whole definition. */
  base: DefinitionBase
  /** The preview the mapping is checked against; its columns feed the pickers. */
  preview: PreviewResponse | null
  /** The host's catalog; fetched through the provider when left out. */
  catalog?: Catalog
  /** Shows a Save button, enabled only while the definition is valid. */
  onSave?: (definition: QueryDefinition) => void
  /** Shows the Save button busy. */
  saving?: boolean
  className?: string
}

/** Whether the draft can be saved; exposed as `data-state`. */
export type MappingEditorState = 'valid' | 'invalid'

/**
 * Maps a query's result columns onto Statisfy: the query type, the account resolver and column, and the type's own
 * settings, with pickers that suggest columns by name and type. Each change is checked live against the preview
 * rows through the dry-run route (nothing is written), and saving is blocked with the reasons while the mapping is
 * invalid (the SDK's own schema, as the server uses).
 *
 * @example
 * const [draft, setDraft] = useState(() => suggestDraft('product_usage', columns, catalog))
 * <MappingEditor value={draft} onChange={setDraft} base={base} preview={preview} onSave={save} />
 */
export const MappingEditor = forwardRef<HTMLElement, MappingEditorProps>(function MappingEditor(
  { value, onChange, base, preview, catalog: catalogProp, onSave, saving = false, className },
  ref,
) {
  const m = useMessages()
  const fetched = useCatalog({ enabled: catalogProp === undefined })
  const catalog = catalogProp ?? fetched.data
  const columns = useMemo(
    () => (preview?.columns ?? []).map((name, i) => ({ name, type: preview?.types[i] ?? 'String' })),
    [preview],
  )
  const built = useMemo(() => buildDefinition(base, value), [base, value])
  const issueAt = issueFinder(built.ok ? [] : built.issues)
  const sample = useMemo(
    () => (preview ? { columns: preview.columns, types: preview.types, rows: preview.rows } : null),
    [preview],
  )
  // One radio group per editor: two editors of the same query on a page must not share their type choice.
  const typeGroup = `sf-query-type-${useId()}`
  const check = useDryRun({
    definition: built.ok && sample ? built.definition : null,
    sample,
    sampleKey: preview ? `${preview.hogql}|${preview.rows.length}|${preview.elapsedMs}` : '',
  })
  const set = (patch: Partial<MappingDraft>) => onChange({ ...value, ...patch })
  const types: [QueryType, string][] = [
    ['product_usage', m.typeProductUsage],
    ['custom_field', m.typeCustomField],
    ['custom_object', m.typeCustomObject],
  ]
  const resolvers = catalog?.resolvers ?? [value.resolver]
  // A new resolver gets the column whose name fits it (org_id for Organisation ID), unless the chosen one fits too;
  // the user can still pick any other column.
  const changeResolver = (resolver: MappingDraft['resolver']) => {
    const fitting = suggestColumns('account', columns, resolver)
    const keep = value.accountColumn !== '' && (fitting.length === 0 || fitting.includes(value.accountColumn))
    set({ resolver, accountColumn: keep ? value.accountColumn : (fitting[0] ?? '') })
  }
  const waitingFor: LiveCheckWait | null = !sample
    ? 'preview'
    : built.ok
      ? null
      : value.accountColumn === ''
        ? 'account'
        : 'mapping'

  return (
    <section
      ref={ref}
      className={cx('sf-panel', 'sf-stack', 'sf-mapping-editor', className)}
      data-state={built.ok ? 'valid' : 'invalid'}
      aria-label={m.mappingTitle}
    >
      <h2 className="sf-heading">{m.mappingTitle}</h2>
      <fieldset className="sf-choices">
        <legend>{m.queryType}</legend>
        {types.map(([type, label]) => (
          <label key={type} className="sf-choice">
            <input
              type="radio"
              name={typeGroup}
              value={type}
              checked={value.type === type}
              onChange={() => set({ type })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="sf-row">
        <Field label={m.accountResolver} error={issueAt('mapping.account.resolver')}>
          {(control) => (
            <select
              {...control}
              className="sf-select"
              value={value.resolver}
              onChange={(event) => changeResolver(event.target.value as MappingDraft['resolver'])}
            >
              {resolvers.map((resolver) => (
                <option key={resolver} value={resolver}>
                  {resolverLabel(resolver)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ColumnSelect
          label={m.accountColumn}
          value={value.accountColumn}
          onChange={(accountColumn) => set({ accountColumn })}
          columns={columns}
          suggestions={suggestColumns('account', columns, value.resolver)}
          error={issueAt('mapping.account.column') ?? issueAt('mapping.account')}
        />
      </div>
      <TypeFields draft={value} set={set} columns={columns} catalog={catalog} issueAt={issueAt} />
      <LiveCheck result={check.data} error={check.error} checking={check.isFetching} waitingFor={waitingFor} />
      {built.ok ? null : (
        <div role="status" className="sf-stack" style={{ gap: 4 }} data-testid="save-blockers">
          <p className="sf-label" style={{ margin: 0 }}>
            {m.saveBlocked}
          </p>
          <ul style={{ margin: 0 }}>
            {built.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {onSave ? (
        <div className="sf-row">
          <Button
            variant="primary"
            busy={saving}
            aria-disabled={!built.ok}
            onClick={() => {
              if (built.ok) onSave(built.definition)
            }}
          >
            {m.saveQuery}
          </Button>
        </div>
      ) : null}
    </section>
  )

  function resolverLabel(resolver: string): string {
    if (!resolver.startsWith('custom_field:')) return m.resolverLabels[resolver] ?? resolver
    const key = resolver.slice('custom_field:'.length)
    return m.resolverCustomField(catalog?.customFields.find((f) => f.key === key)?.label ?? key)
  }
})
