// @vitest-environment node
// Server rendering: the public entry imports without a DOM, and every component renders to a string.
import { QueryClient } from '@tanstack/react-query'
import type { ReactElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createFakeBackend } from '../test/fakeBackend'
import { catalog, largeResult, usageDefinition, usagePreview } from '../test/fixtures'
import * as ui from './index'

const { type: _t, mapping: _m, ...base } = usageDefinition
const columns = usagePreview.columns.map((name, i) => ({ name, type: usagePreview.types[i] ?? 'String' }))
const big = largeResult(1000, 4)

const cases: [string, ReactElement][] = [
  ['PostHogSettings', <ui.PostHogSettings key="s" />],
  ['ConnectForm', <ui.ConnectForm key="c" />],
  ['QueryList', <ui.QueryList key="q" />],
  ['QueryFlow', <ui.QueryFlow key="f" onDone={() => {}} onCancel={() => {}} />],
  ['SyncHistory', <ui.SyncHistory key="h" queryId="usage-daily" />],
  [
    'MappingEditor',
    <ui.MappingEditor
      key="m"
      value={ui.suggestDraft('product_usage', columns, catalog)}
      onChange={() => {}}
      base={base}
      preview={usagePreview}
      catalog={catalog}
    />,
  ],
  [
    'ScheduleEditor',
    <ui.ScheduleEditor key="e" value={{ kind: 'daily', at: '06:00', timeZone: 'UTC' }} onChange={() => {}} />,
  ],
  ['PreviewTable', <ui.PreviewTable key="p" columns={big.columns} rows={big.rows} elapsedMs={12} />],
  ['HogQLEditorLazy', <ui.HogQLEditorLazy key="l" value="SELECT 1" aria-label="Query" />],
]

describe('server rendering', () => {
  it('imports the entry without window or document', () => {
    expect(typeof globalThis.window).toBe('undefined')
    expect(typeof globalThis.document).toBe('undefined')
    expect(ui.PostHogIntegrationProvider).toBeTypeOf('object')
  })

  it.each(cases)('%s renders to a string inside the provider, with the kit styles scoped to its root', (_, element) => {
    const { client } = createFakeBackend()
    const html = renderToString(
      <ui.PostHogIntegrationProvider client={client} queryClient={new QueryClient()} appearance={{ theme: 'dark' }}>
        {element}
      </ui.PostHogIntegrationProvider>,
    )
    expect(html).toMatch(/^<div class="sf-root" data-sf-theme="dark"[^>]*><style>/)
    expect(html.length).toBeGreaterThan(200)
  })

  it('renders the first screen of a large table, not every row', () => {
    const html = renderToString(<ui.PreviewTable columns={big.columns} rows={big.rows} height={330} />)
    const rows = html.match(/<tr /g)?.length ?? 0
    expect(rows).toBeGreaterThan(5)
    expect(rows).toBeLessThan(40)
  })
})
