import type { CatalogField } from '@statisfy/posthog-sdk'
import { useMessages } from '../../i18n/useMessages'
import { Field } from '../../primitives/Field'

/** Picks the catalog field (or attribute) a column is written to, or "Not imported". */
export function TargetSelect({
  label,
  value,
  onChange,
  targets,
  error,
}: {
  label: string
  value: string
  onChange: (key: string) => void
  targets: readonly CatalogField[]
  error?: string | undefined
}) {
  const m = useMessages()
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} className="sf-select" value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{m.notImported}</option>
          {targets.map((target) => (
            <option key={target.key} value={target.key}>
              {target.label} ({target.type}
              {target.required ? ', required' : ''})
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
