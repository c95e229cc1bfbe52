// Virtual rows need real layout, so this runs in Chromium (vitest browser mode): `npx vitest run --project=browser`.
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { largeResult } from '../../../test/fixtures'
import { PreviewTable } from './PreviewTable'

const { columns, rows } = largeResult(50_000, 10)
let root: Root | null = null
let host: HTMLElement | null = null

afterEach(() => {
  act(() => root?.unmount())
  host?.remove()
})

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))

async function mount() {
  host = document.createElement('div')
  host.style.width = '1000px'
  document.body.append(host)
  root = createRoot(host)
  await act(async () => root?.render(<PreviewTable columns={columns} rows={rows} elapsedMs={1234} height={400} />))
  await nextFrame()
  return host
}

const renderedRowIndexes = (container: HTMLElement) =>
  [...container.querySelectorAll('tbody tr')].map((tr) => Number(tr.getAttribute('data-index')))

describe('PreviewTable in Chromium', () => {
  it('renders 50,000 x 10 with fewer than 100 row elements', async () => {
    const container = await mount()
    expect(container.querySelector('.sf-preview')?.getAttribute('data-state')).toBe('ready')
    expect(container.textContent).toContain('50,000 rows')
    const indexes = renderedRowIndexes(container)
    expect(indexes.length).toBeGreaterThan(10)
    expect(indexes.length).toBeLessThan(100)
    expect(indexes[0]).toBe(0)
    expect(container.querySelectorAll('tbody tr:first-child td')).toHaveLength(10)
    // The scroll height stands for every row, so the scrollbar is honest.
    const body = container.querySelector('tbody') as HTMLElement
    expect(body.getBoundingClientRect().height).toBeGreaterThan(50_000 * 30)
  })

  it('renders the rows at the scroll position, and only those', async () => {
    const container = await mount()
    const region = container.querySelector('section.sf-table-wrap') as HTMLElement
    for (const target of [30_000, 49_990, 7]) {
      await act(async () => {
        region.scrollTop = target * 33
        region.dispatchEvent(new Event('scroll'))
      })
      await nextFrame()
      await act(async () => {})
      const indexes = renderedRowIndexes(container)
      expect(indexes.length).toBeLessThan(100)
      expect(indexes).toContain(Math.min(target, 49_999))
      const row = container.querySelector(`tbody tr[data-index="${target}"]`)
      expect(row?.textContent).toContain(`row ${target} col 0`)
      expect(row?.getAttribute('aria-rowindex')).toBe(String(target + 2))
      // The row is actually inside the visible part of the scroller.
      const box = row?.getBoundingClientRect()
      const view = region.getBoundingClientRect()
      expect(box && box.bottom > view.top && box.top < view.bottom).toBe(true)
    }
  })
})
