import { render, screen } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { usagePreview } from '../../../test/fixtures'
import { PreviewTable } from './PreviewTable'

const columns = usagePreview.columns.map((name, i) => ({ name, type: usagePreview.types[i] ?? 'String' }))
const state = (container: HTMLElement) => container.querySelector('.sf-preview')?.getAttribute('data-state')

describe('PreviewTable', () => {
  // jsdom has no layout: give the scroller a size so the virtualiser shows rows (the browser test checks real layout).
  beforeAll(() => {
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(400)
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000)
  })
  afterAll(() => vi.restoreAllMocks())

  it('shows typed headers, the row count and the elapsed time', () => {
    const { container } = render(<PreviewTable columns={columns} rows={usagePreview.rows} elapsedMs={1530} />)
    expect(state(container)).toBe('ready')
    expect(screen.getByRole('columnheader', { name: /^day\s*Date$/ })).toBeInTheDocument()
    expect(screen.getByText('100 rows')).toBeInTheDocument()
    expect(screen.getByText('1.53 s')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Query results' })).toHaveAttribute('aria-rowcount', '101')
    expect(container.querySelector('td[data-kind="number"]')).not.toBeNull()
  })

  it.each([
    ['posthog_default_limit', /PostHog adds LIMIT 100/],
    ['posthog_max_rows', /at most 50,000 rows/],
    ['row_cap', /Preview shows the first 100 rows/],
  ] as const)('explains a %s truncation', (truncation, text) => {
    render(<PreviewTable columns={columns} rows={usagePreview.rows} truncation={truncation} />)
    expect(screen.getByText('Truncated')).toHaveAttribute('data-reason', truncation)
    expect(screen.getByText(text)).toBeInTheDocument()
  })

  it('shows PostHog’s error message, the empty state, loading and idle', () => {
    const message = 'Unable to resolve field: org_domian'
    const { container, rerender } = render(<PreviewTable columns={columns} error={{ message }} />)
    expect(screen.getByRole('alert')).toHaveTextContent(message)
    expect(state(container)).toBe('error')
    rerender(<PreviewTable columns={columns} rows={[]} />)
    expect(screen.getByText('The query returned no rows.')).toBeInTheDocument()
    rerender(<PreviewTable loading />)
    expect(state(container)).toBe('loading')
    rerender(<PreviewTable />)
    expect(state(container)).toBe('idle')
  })

  it('renders null as a visible word and structures as JSON', () => {
    render(
      <PreviewTable
        columns={[
          { name: 'a', type: 'Nullable(String)' },
          { name: 'b', type: 'Array(String)' },
        ]}
        rows={[[null, ['x', 'y']]]}
      />,
    )
    expect(screen.getByText('null')).toHaveAttribute('data-null')
    expect(screen.getByText('["x","y"]')).toBeInTheDocument()
  })
})
