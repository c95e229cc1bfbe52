import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// A separate Node process: the test environment (jsdom) defines window and document, a server does not.
const render = (): { hasWindow: boolean; editor: string; lazy: string } => {
  const fixture = join(dirname(fileURLToPath(import.meta.url)), 'ssrRender.fixture.tsx')
  const out = execFileSync(process.execPath, ['--conditions=@statisfy/source', '--import', 'tsx', fixture], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return JSON.parse(out)
}

describe('server rendering', () => {
  const html = render()

  it('imports without a DOM and renders the query as a static, labelled textarea', () => {
    expect(html.hasWindow).toBe(false)
    expect(html.editor).toContain('class="sf-hogql-editor q"')
    expect(html.editor).toContain('data-state="idle"')
    expect(html.editor).toMatch(/<textarea[^>]*aria-label="Query"[^>]*>select count\(\) from events<\/textarea>/)
  })

  it('renders the lazy editor’s fallback with the same outer element', () => {
    expect(html.lazy).toContain('class="sf-hogql-editor"')
    expect(html.lazy).toContain('select 1')
  })
})
