// The page measured by preview-table.bench.ts, bundled with esbuild and run in Chromium. Exposes `window.bench`.
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { PreviewTable } from '../src/components/PreviewTable/PreviewTable'
import { largeResult } from '../test/fixtures'

const { columns, rows } = largeResult(50_000, 10)
const visible = rows.slice(0, 30)

/** What any table must do for one screen: a plain React table of the 30 visible rows (no TanStack, no virtualiser). */
function PlainTable() {
  return (
    <table>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.name}>{c.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {visible.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static rows
          <tr key={r}>
            {row.map((cell, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static cells
              <td key={c}>{String(cell)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

// Resolves after the browser has painted the frame that follows the render.
const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    }),
  )

async function firstFrame(kind: 'preview' | 'plain') {
  const host = document.createElement('div')
  host.style.width = '1200px'
  document.body.append(host)
  const root = createRoot(host)
  const start = performance.now()
  flushSync(() =>
    root.render(kind === 'preview' ? <PreviewTable columns={columns} rows={rows} height={600} /> : <PlainTable />),
  )
  const end = await afterPaint()
  const rowElements = host.querySelectorAll('tbody tr').length
  root.unmount()
  host.remove()
  return { ms: end - start, rowElements }
}

declare global {
  interface Window {
    bench: typeof firstFrame
  }
}
window.bench = firstFrame
