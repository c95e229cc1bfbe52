import { MappingEditor, type QueryType, suggestDraft } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { catalog, usageDefinition, usageDryRun, usagePreview } from '../test/fixtures'
import { dark, narrow, withBackend } from './StoryBackend'

const { type: _type, mapping: _mapping, ...base } = usageDefinition
const columns = usagePreview.columns.map((name, i) => ({ name, type: usagePreview.types[i] ?? 'String' }))

function Controlled({ type, withPreview = true }: { type: QueryType; withPreview?: boolean }) {
  const [draft, setDraft] = useState(() => suggestDraft(type, columns, catalog))
  return (
    <MappingEditor
      value={draft}
      onChange={setDraft}
      base={base}
      preview={withPreview ? usagePreview : null}
      onSave={() => {}}
    />
  )
}

const meta = {
  title: 'Components/MappingEditor',
  component: Controlled,
  decorators: [withBackend],
  args: { type: 'product_usage' },
  parameters: {
    docs: { description: { component: 'Map result columns onto Statisfy; checked live against the preview rows.' } },
  },
} satisfies Meta<typeof Controlled>
export default meta
type Story = StoryObj<typeof meta>

/** Product usage with suggested columns, checked live: bad timestamps and account matches. */
export const ProductUsage: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('3 of 100 values in “day” are not timestamps')).toBeVisible()
    await expect(canvas.getByText('Accounts matched: 7 of 9 (78%)')).toBeVisible()
  },
}

/** Close candidates are never guessed between: the ambiguous values are listed with their candidates. */
export const AmbiguousMatches: Story = {
  parameters: {
    backend: {
      dryRun: {
        ...usageDryRun,
        resolver: usageDryRun.resolver && {
          ...usageDryRun.resolver,
          resolver: 'account_name',
          matched: 4,
          ambiguous: 4,
          unmatched: 1,
          matchRate: 4 / 9,
          ambiguousExamples: ['Acme', 'Globex', 'Initech Ltd', 'Hooli'].map((value, i) => ({
            value,
            reason: 'two candidates within the margin',
            candidates: [
              { accountId: `a${i}`, name: `${value} Corp`, score: 0.92 },
              { accountId: `b${i}`, name: `${value} Holdings`, score: 0.91 },
            ],
          })),
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Accounts matched: 4 of 9 (44%)')).toBeVisible()
    await expect(within(canvasElement).getByText(/Globex Corp · Globex Holdings/)).toBeVisible()
  },
}

/** Wide custom fields: one picker per column, from the host's catalog. */
export const CustomFields: Story = { args: { type: 'custom_field' } }

/** Custom objects with required attributes. */
export const CustomObjects: Story = { args: { type: 'custom_object' } }

/** Saving is blocked, with the reasons, while a column plays two roles. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.selectOptions(canvas.getByLabelText('Value column'), 'day')
    await expect(canvas.getByText('Fix these before saving:')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Save query' })).toHaveAttribute('aria-disabled', 'true')
  },
}

/** No preview yet: the check waits for one. */
export const Empty: Story = { args: { withPreview: false } }

/** The dry run is still running. */
export const Loading: Story = { parameters: { backend: { pending: ['dryRun'] } } }

/** The dry run failed. */
export const CheckFailed: Story = {
  parameters: {
    backend: {
      fail: {
        dryRun: {
          status: 429,
          code: 'rate_limited',
          message: 'PostHog is rate limiting this key; try again in 30 s.',
          retryAfterSeconds: 30,
        },
      },
    },
  },
}

export const DarkTheme: Story = { parameters: { ...dark } }
export const NarrowWidth: Story = { parameters: { ...narrow } }
