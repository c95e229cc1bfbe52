// Layout needs real CSS layout, so this runs in Chromium (vitest browser mode): `npx vitest run --project=browser`.
// It guards the form layout the live demo review flagged: empty boxes under stacked fields, and a row of fields whose
// controls sat at different heights because some had help text.
import type { PreviewResponse } from '@statisfy/posthog-sdk'
import { cleanup, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { catalog, connectionView, usageDefinition, usagePreview } from '../../test/fixtures'
import { renderWithBackend } from '../../test/renderWithBackend'
import { ConnectForm } from '../components/ConnectForm/ConnectForm'
import { MappingEditor } from '../components/MappingEditor/MappingEditor'
import { suggestDraft } from '../components/MappingEditor/mappingDraft'
import { Field } from '../primitives/Field'
import { KitRoot } from './KitRoot'

const { type: _type, mapping: _mapping, ...base } = usageDefinition
const widePreview: PreviewResponse = {
  ...usagePreview,
  columns: ['org_id', 'plan', 'employees'],
  types: ['String', 'String', 'UInt64'],
  rows: [['org-1', 'pro', 12]],
}

function WideMapping() {
  const columns = widePreview.columns.map((name, i) => ({ name, type: widePreview.types[i] ?? 'String' }))
  const [draft, setDraft] = useState(() => suggestDraft('custom_field', columns, catalog))
  return <MappingEditor value={draft} onChange={setDraft} base={base} preview={widePreview} catalog={catalog} />
}

const box = (element: Element) => element.getBoundingClientRect()

describe.each([1000, 360])('form layout at %ipx', (width) => {
  beforeEach(() => {
    document.body.style.width = `${width}px`
  })
  afterEach(() => {
    cleanup()
    document.body.style.width = ''
  })

  it('stacks the custom-field settings without empty space between them', () => {
    renderWithBackend(<WideMapping />)
    const layoutSelect = screen.getByLabelText('Layout')
    const layout = layoutSelect.closest('.sf-field') as HTMLElement
    const fields = [...document.querySelectorAll('.sf-mapping-editor .sf-field')]
    const firstPicker = fields[fields.indexOf(layout) + 1] as HTMLElement
    expect(firstPicker).toHaveTextContent(/^Field for/)
    // The field ends right under its select, and the next one follows after the stack's gap (12px), nothing more.
    expect(box(layout).bottom - box(layoutSelect).bottom).toBeLessThan(1)
    expect(box(firstPicker).top - box(layout).bottom).toBeLessThanOrEqual(12.5)
  })

  it('keeps a field alone in a column as tall as its content', () => {
    render(
      <KitRoot>
        <div className="sf-stack">
          <Field label="Name">{(control) => <input {...control} className="sf-input" />}</Field>
          <p>After</p>
        </div>
      </KitRoot>,
    )
    const input = screen.getByLabelText('Name')
    expect(box(input.closest('.sf-field') as HTMLElement).bottom - box(input).bottom).toBeLessThan(1)
  })

  it('puts each connection label right above its control, controls level when side by side', async () => {
    renderWithBackend(<ConnectForm />, { connection: { ...connectionView, apiHost: 'https://posthog.example.com' } })
    const region = await screen.findByLabelText('PostHog region')
    expect(region).toHaveValue('self-hosted')
    const controls = [region, screen.getByLabelText('PostHog URL'), screen.getByLabelText('Project ID')]
    for (const control of controls) {
      const label = document.querySelector(`label[for="${control.id}"]`) as HTMLElement
      expect(box(control).top - box(label).bottom).toBeLessThanOrEqual(5)
    }
    if (width >= 1000) {
      for (const control of controls) expect(box(control).top).toBeCloseTo(box(region).top, 0)
    }
  })
})
