import { PreviewTable } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { largeResult, usagePreview } from '../test/fixtures'
import { dark, narrow, withKitRoot } from './StoryBackend'

const usageColumns = usagePreview.columns.map((name, i) => ({ name, type: usagePreview.types[i] ?? 'String' }))
const fifty = largeResult(50_000, 10)

const meta = {
  title: 'Components/PreviewTable',
  decorators: [withKitRoot],
  component: PreviewTable,
  parameters: {
    docs: {
      description: {
        component:
          'Shows a query result from props alone: typed columns, virtualised rows, timing, truncation, errors.',
      },
    },
  },
} satisfies Meta<typeof PreviewTable>
export default meta
type Story = StoryObj<typeof meta>

/** Before the first run. */
export const Idle: Story = { args: {} }

/** The query returned no rows. */
export const Empty: Story = { args: { columns: usageColumns, rows: [], elapsedMs: 87 } }

/** The query is running. */
export const Loading: Story = { args: { loading: true } }

/** PostHog's own message is shown. */
export const PostHogError: Story = {
  args: {
    error: { code: 'hogql_resolution', message: 'Unable to resolve field: org_domian. Did you mean org_domain?' },
  },
}

/** A product-usage preview, truncated by the preview's row cap. */
export const Success: Story = {
  args: { columns: usageColumns, rows: usagePreview.rows, elapsedMs: usagePreview.elapsedMs, truncation: 'row_cap' },
}

/** Straight from PostHog without a LIMIT: the implicit LIMIT 100 is explained. */
export const ImplicitLimit: Story = {
  args: { ...Success.args, truncation: 'posthog_default_limit' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/PostHog adds LIMIT 100/)).toBeVisible()
  },
}

/** 50,000 rows x 10 columns at PostHog's row cap: only the visible rows are in the DOM. */
export const FiftyThousandRows: Story = {
  args: { columns: fifty.columns, rows: fifty.rows, elapsedMs: 2310, truncation: 'posthog_max_rows' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('50,000 rows')).toBeVisible()
    await expect(canvasElement.querySelectorAll('tbody tr').length).toBeLessThan(100)
    const region = canvas.getByRole('region', { name: 'Query results' })
    region.scrollTop = 33 * 25_000
    await waitFor(() => expect(canvas.getByText('row 25000 col 0')).toBeVisible())
    await expect(canvasElement.querySelectorAll('tbody tr').length).toBeLessThan(100)
  },
}

export const DarkTheme: Story = { args: Success.args, parameters: dark }

export const NarrowWidth: Story = { args: Success.args, parameters: narrow }
