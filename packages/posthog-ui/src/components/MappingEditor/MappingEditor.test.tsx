import type { PreviewResponse, QueryType } from '@statisfy/posthog-sdk'
import { screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { catalog, usageDefinition, usagePreview } from '../../../test/fixtures'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { MappingEditor } from './MappingEditor'
import { type DefinitionBase, suggestDraft } from './mappingDraft'

const { type: _type, mapping: _mapping, ...base } = usageDefinition

function Harness({
  type = 'product_usage',
  onSave,
  baseOverride,
  preview = usagePreview,
}: {
  type?: QueryType
  onSave?: () => void
  baseOverride?: Partial<DefinitionBase>
  preview?: PreviewResponse
}) {
  const [draft, setDraft] = useState(() =>
    suggestDraft(
      type,
      preview.columns.map((name, i) => ({ name, type: preview.types[i] ?? 'String' })),
      catalog,
    ),
  )
  return (
    <MappingEditor
      value={draft}
      onChange={setDraft}
      base={{ ...base, ...baseOverride }}
      preview={preview}
      catalog={catalog}
      onSave={onSave}
    />
  )
}

describe('MappingEditor', () => {
  it('suggests columns from their names and types', () => {
    renderWithBackend(<Harness />)
    expect(screen.getByLabelText('Match accounts by')).toHaveValue('email_domain')
    expect(screen.getByLabelText('Account column')).toHaveValue('org_domain')
    expect(screen.getByLabelText('Timestamp column')).toHaveValue('day')
    expect(screen.getByLabelText('Value column')).toHaveValue('value')
    expect(screen.getByLabelText('Metric column')).toHaveValue('metric')
    expect(
      within(screen.getByLabelText('Timestamp column')).getByRole('option', { name: /day · Date \(suggested\)/ }),
    ).toBeInTheDocument()
  })

  it('checks the mapping live against the preview: rejects by reason with examples, resolver match rate', async () => {
    const { backend } = renderWithBackend(<Harness />)
    expect(await screen.findByText('3 of 100 values in “day” are not timestamps')).toBeInTheDocument()
    expect(screen.getByText(/"yesterday", "", "31\/02\/2026"/)).toBeInTheDocument()
    expect(screen.getByTestId('match-rate')).toHaveTextContent('Accounts matched: 7 of 9 (78%)')
    expect(screen.getByText('95 of 100 rows would be written')).toBeInTheDocument()
    expect(screen.getByText('Not matched').nextElementSibling).toHaveTextContent('gmail.com — public mail domain')
    expect(screen.getByText('More than one candidate').nextElementSibling).toHaveTextContent(
      'acme.co — Acme Corp · Acme Co-operative',
    )
    const dryRun = backend.calls.find((c) => c.operation === 'dryRun')
    expect(dryRun?.body).toMatchObject({
      definition: { type: 'product_usage', mapping: { account: { resolver: 'email_domain', column: 'org_domain' } } },
      sample: { columns: usagePreview.columns, rows: usagePreview.rows },
    })
  })

  it('blocks saving with the reasons while invalid, and saves the parsed definition once fixed', async () => {
    const onSave = vi.fn()
    const { user } = renderWithBackend(<Harness onSave={onSave} />)
    await user.selectOptions(screen.getByLabelText('Value column'), 'day')
    const blockers = screen.getByTestId('save-blockers')
    expect(blockers).toHaveTextContent(/Column "day" is already mapped as the/)
    await user.click(screen.getByRole('button', { name: 'Save query' }))
    expect(onSave).not.toHaveBeenCalled()
    await user.selectOptions(screen.getByLabelText('Value column'), 'value')
    expect(screen.queryByTestId('save-blockers')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save query' }))
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'usage-daily', type: 'product_usage' }))
  })

  it('switches to custom fields (wide) with catalog fields per column, and to custom objects', async () => {
    const { user, backend } = renderWithBackend(<Harness />)
    await user.click(screen.getByRole('radio', { name: 'Custom fields' }))
    const metricTarget = screen.getByLabelText('Field for metric')
    expect(within(metricTarget).getByRole('option', { name: 'Plan (enum)' })).toBeInTheDocument()
    expect(screen.getByTestId('save-blockers')).toHaveTextContent('Map at least one column to a custom field.')
    await user.selectOptions(metricTarget, 'plan')
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.operation === 'dryRun').at(-1)?.body).toMatchObject({
        definition: { type: 'custom_field', mapping: { form: 'wide', fields: [{ column: 'metric', field: 'plan' }] } },
      }),
    )
    await user.click(screen.getByRole('radio', { name: 'Custom objects' }))
    expect(screen.getByLabelText('Object type')).toHaveValue('workspace')
    expect(
      within(screen.getByLabelText('Attribute for metric')).getByRole('option', { name: 'Name (string, required)' }),
    ).toBeInTheDocument()
  })

  it('picks the account resolver and column a column name points to, and re-picks when the resolver changes', async () => {
    const orgPreview: PreviewResponse = {
      ...usagePreview,
      columns: ['org_id', 'contact_email', 'plan'],
      types: ['String', 'String', 'String'],
      rows: [['org-1', 'ann@acme.com', 'pro']],
    }
    const { user } = renderWithBackend(<Harness type="custom_field" preview={orgPreview} />)
    expect(screen.getByLabelText('Match accounts by')).toHaveValue('org_id')
    expect(screen.getByLabelText('Account column')).toHaveValue('org_id')
    await user.selectOptions(screen.getByLabelText('Match accounts by'), 'email_domain')
    expect(screen.getByLabelText('Account column')).toHaveValue('contact_email')
    // Still the user's choice: another column stays picked.
    await user.selectOptions(screen.getByLabelText('Account column'), 'plan')
    expect(screen.getByLabelText('Account column')).toHaveValue('plan')
  })

  it('says what the live check waits for once a preview ran', async () => {
    const { user } = renderWithBackend(<Harness />)
    await user.selectOptions(screen.getByLabelText('Account column'), '')
    expect(await screen.findByText('Choose the account column to check the mapping.')).toBeInTheDocument()
    expect(screen.queryByText(/Run a preview/)).not.toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Account column'), 'org_domain')
    await user.selectOptions(screen.getByLabelText('Value column'), '')
    expect(await screen.findByText('Complete the mapping to check it against the preview.')).toBeInTheDocument()
  })

  it('gives each editor its own radio group, so arrow keys and screen readers never mix two editors of one query', () => {
    renderWithBackend(
      <>
        <Harness type="product_usage" />
        <Harness type="custom_field" />
      </>,
    )
    // Browsers group radio buttons by name: one name per editor, shared by its three type choices.
    const names = screen.getAllByRole('radio').map((radio) => (radio as HTMLInputElement).name)
    expect(names).toHaveLength(6)
    expect(new Set(names.slice(0, 3)).size).toBe(1)
    expect(new Set(names.slice(3)).size).toBe(1)
    expect(names[0]).not.toBe(names[3])
    const checked = screen.getAllByRole('radio', { checked: true })
    expect(checked.map((radio) => (radio as HTMLInputElement).value)).toEqual(['product_usage', 'custom_field'])
  })
})
