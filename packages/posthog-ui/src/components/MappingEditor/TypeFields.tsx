import type { Catalog, CatalogField } from '@statisfy/posthog-sdk'
import { useMessages } from '../../i18n/useMessages'
import { Field } from '../../primitives/Field'
import type { PreviewColumn } from '../PreviewTable/PreviewTable'
import { ColumnSelect } from './ColumnSelect'
import type { DraftIssue, MappingDraft } from './mappingDraft'
import { suggestColumns } from './suggestions'
import { TargetSelect } from './TargetSelect'

type Props = {
  draft: MappingDraft
  set: (patch: Partial<MappingDraft>) => void
  columns: readonly PreviewColumn[]
  catalog: Catalog | undefined
  issueAt: (path: string) => string | undefined
}

/** The settings of the draft's query type (DESIGN.md §3): product usage, custom fields, custom objects. */
export function TypeFields(props: Props) {
  switch (props.draft.type) {
    case 'product_usage':
      return <ProductUsageFields {...props} />
    case 'custom_field':
      return <CustomFieldFields {...props} />
    case 'custom_object':
      return <CustomObjectFields {...props} />
    default:
      return props.draft.type satisfies never
  }
}

function ProductUsageFields({ draft, set, columns, issueAt }: Props) {
  const m = useMessages()
  return (
    <div className="sf-row">
      <ColumnSelect
        label={m.timestampColumn}
        value={draft.timestampColumn}
        onChange={(timestampColumn) => set({ timestampColumn })}
        columns={columns}
        suggestions={suggestColumns('timestamp', columns)}
        error={issueAt('mapping.timestampColumn')}
      />
      <ColumnSelect
        label={m.valueColumn}
        value={draft.valueColumn}
        onChange={(valueColumn) => set({ valueColumn })}
        columns={columns}
        suggestions={suggestColumns('value', columns)}
        error={issueAt('mapping.valueColumn')}
      />
      <Field label={m.metricSource}>
        {(control) => (
          <select
            {...control}
            className="sf-select"
            value={draft.metricSource}
            onChange={(event) => set({ metricSource: event.target.value as MappingDraft['metricSource'] })}
          >
            <option value="column">{m.metricFromColumn}</option>
            <option value="name">{m.metricFixed}</option>
          </select>
        )}
      </Field>
      {draft.metricSource === 'column' ? (
        <ColumnSelect
          label={m.metricColumn}
          value={draft.metricColumn}
          onChange={(metricColumn) => set({ metricColumn })}
          columns={columns}
          suggestions={suggestColumns('metric', columns)}
          error={issueAt('mapping.metric.column') ?? issueAt('mapping.metric')}
        />
      ) : (
        <Field label={m.metricName} error={issueAt('mapping.metric.name') ?? issueAt('mapping.metric')}>
          {(control) => (
            <input
              {...control}
              className="sf-input"
              value={draft.metricName}
              onChange={(event) => set({ metricName: event.target.value })}
            />
          )}
        </Field>
      )}
    </div>
  )
}

function CustomFieldFields({ draft, set, columns, catalog, issueAt }: Props) {
  const m = useMessages()
  return (
    <div className="sf-stack">
      <Field label={m.customFieldForm}>
        {(control) => (
          <select
            {...control}
            className="sf-select"
            value={draft.form}
            onChange={(event) => set({ form: event.target.value as MappingDraft['form'] })}
          >
            <option value="wide">{m.formWide}</option>
            <option value="long">{m.formLong}</option>
          </select>
        )}
      </Field>
      {draft.form === 'long' ? (
        <div className="sf-row">
          <ColumnSelect
            label={m.fieldColumn}
            value={draft.fieldColumn}
            onChange={(fieldColumn) => set({ fieldColumn })}
            columns={columns}
            suggestions={suggestColumns('field', columns)}
            error={issueAt('mapping.fieldColumn')}
          />
          <ColumnSelect
            label={m.valueColumn}
            value={draft.fieldValueColumn}
            onChange={(fieldValueColumn) => set({ fieldValueColumn })}
            columns={columns}
            suggestions={suggestColumns('value', columns)}
            error={issueAt('mapping.valueColumn')}
          />
        </div>
      ) : (
        <PairList
          columns={columns}
          exclude={[draft.accountColumn]}
          record={draft.fields}
          targets={catalog?.customFields ?? []}
          label={m.fieldFor}
          onChange={(fields) => set({ fields })}
          issueAt={issueAt}
          path="mapping.fields"
        />
      )}
    </div>
  )
}

function CustomObjectFields({ draft, set, columns, catalog, issueAt }: Props) {
  const m = useMessages()
  const objectType = catalog?.objectTypes.find((o) => o.key === draft.objectType)
  return (
    <div className="sf-stack">
      <div className="sf-row">
        <Field label={m.objectType} error={issueAt('mapping.objectType')}>
          {(control) => (
            <select
              {...control}
              className="sf-select"
              value={draft.objectType}
              onChange={(event) => set({ objectType: event.target.value, attributes: {} })}
            >
              <option value="">{m.chooseColumn}</option>
              {(catalog?.objectTypes ?? []).map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ColumnSelect
          label={m.keyColumn}
          value={draft.keyColumn}
          onChange={(keyColumn) => set({ keyColumn })}
          columns={columns}
          suggestions={suggestColumns('key', columns)}
          error={issueAt('mapping.keyColumn')}
        />
      </div>
      <PairList
        columns={columns}
        exclude={[draft.accountColumn, draft.keyColumn]}
        record={draft.attributes}
        targets={objectType?.attributes ?? []}
        label={m.attributeFor}
        onChange={(attributes) => set({ attributes })}
        issueAt={issueAt}
        path="mapping.attributes"
      />
    </div>
  )
}

function PairList({
  columns,
  exclude,
  record,
  targets,
  label,
  onChange,
  issueAt,
  path,
}: {
  columns: readonly PreviewColumn[]
  exclude: string[]
  record: Record<string, string>
  targets: readonly CatalogField[]
  label: (column: string) => string
  onChange: (record: Record<string, string>) => void
  issueAt: (path: string) => string | undefined
  path: string
}) {
  return (
    <div className="sf-row">
      {columns
        .filter((c) => !exclude.includes(c.name))
        .map((column) => (
          <TargetSelect
            key={column.name}
            label={label(column.name)}
            value={record[column.name] ?? ''}
            onChange={(key) => onChange({ ...record, [column.name]: key })}
            targets={targets}
          />
        ))}
      {issueAt(path) ? (
        <p className="sf-hint sf-break" data-tone="danger" role="alert">
          {issueAt(path)}
        </p>
      ) : null}
    </div>
  )
}

/** The first issue at `path` or below it. */
export function issueFinder(issues: readonly DraftIssue[]) {
  return (path: string) => issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))?.message
}
