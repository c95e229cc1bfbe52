import { useMessages } from '../../i18n/useMessages'
import { Field } from '../../primitives/Field'
import type { PreviewColumn } from '../PreviewTable/PreviewTable'

/** Props of {@link ColumnSelect}. */
export type ColumnSelectProps = {
  label: string
  value: string
  onChange: (column: string) => void
  columns: readonly PreviewColumn[]
  /** Columns suggested for this role, best first; listed first and marked. */
  suggestions?: readonly string[]
  error?: string | undefined
  hint?: string
}

/** Picks a result column, suggested ones first, each with its PostHog type. */
export function ColumnSelect({ label, value, onChange, columns, suggestions = [], error, hint }: ColumnSelectProps) {
  const m = useMessages()
  const ordered = [
    ...suggestions.flatMap((name) => columns.filter((c) => c.name === name)),
    ...columns.filter((c) => !suggestions.includes(c.name)),
  ]
  const known = value === '' || columns.some((c) => c.name === value)
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} className="sf-select" value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{m.chooseColumn}</option>
          {known ? null : <option value={value}>{value}</option>}
          {ordered.map((column) => (
            <option key={column.name} value={column.name}>
              {column.name} · {column.type}
              {suggestions.includes(column.name) ? ` (${m.suggested})` : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
