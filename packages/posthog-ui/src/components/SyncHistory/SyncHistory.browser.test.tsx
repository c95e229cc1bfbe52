// Overflow needs real layout, so this runs in Chromium (vitest browser mode): `npx vitest run --project=browser`.
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { SyncHistory } from './SyncHistory'

afterEach(() => {
  cleanup()
  document.body.style.width = ''
})

/**
 * What would make the history scroll sideways: a scrolling box whose content is wider than it, or an element reaching
 * past the history's right edge (the page would scroll).
 */
function overflowing(history: Element): string[] {
  const right = history.getBoundingClientRect().right
  return [history, ...history.querySelectorAll('*')]
    .filter((element) => {
      const scrolls = /auto|scroll/.test(getComputedStyle(element).overflowX)
      return (
        (scrolls && element.scrollWidth > element.clientWidth + 1) ||
        element.getBoundingClientRect().right > right + 0.5
      )
    })
    .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`)
}

describe.each([
  [360, 'all queries', undefined],
  [360, 'one query', 'usage-daily'],
  [320, 'all queries', undefined],
])('SyncHistory at %ipx, %s', (width, _, queryId) => {
  it('fits the width: no sideways scrolling, every run’s numbers labelled and visible', async () => {
    document.body.style.width = `${width}px`
    const { container, user } = renderWithBackend(<SyncHistory queryId={queryId} />)
    const table = await screen.findByRole('table')
    const history = container.querySelector('.sf-sync-history') as HTMLElement
    expect(overflowing(history)).toEqual([])
    const first = within(table).getAllByRole('row')[1] as HTMLElement
    for (const label of ['Read', 'Written', 'Rejected', 'Duration']) {
      expect(within(first).getByText(label)).toBeVisible()
    }
    // The rejected rows open inside the run and fit too.
    await user.click(within(first).getByRole('button', { name: /Rejected rows/ }))
    await screen.findByRole('button', { name: 'Download CSV' })
    expect(overflowing(history)).toEqual([])
  })
})

describe('SyncHistory at 1000px', () => {
  it('keeps the table: one line per run under column headers', async () => {
    document.body.style.width = '1000px'
    renderWithBackend(<SyncHistory />)
    const table = await screen.findByRole('table')
    const headers = within(table).getAllByRole('columnheader')
    expect(headers.map((th) => th.textContent)).toEqual([
      'Started',
      'Query',
      'Status',
      'Read',
      'Written',
      'Rejected',
      'Duration',
    ])
    for (const th of headers) expect(th).toBeVisible()
    const [, firstRun] = within(table).getAllByRole('row')
    const cells = within(firstRun as HTMLElement).getAllByRole('cell')
    const top = cells[0]?.getBoundingClientRect().top
    for (const cell of cells) expect(cell.getBoundingClientRect().top).toBeCloseTo(top ?? 0, 0)
    // The narrow layout's inline labels are not shown in the table layout.
    expect(within(firstRun as HTMLElement).getByText('Read')).not.toBeVisible()
  })
})
