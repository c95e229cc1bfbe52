import { cleanup, render } from '@testing-library/react'
import { createRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { HogQLEditor, type HogQLEditorHandle, type HogQLEditorProps } from './HogQLEditor'
import type { HogQLValidate } from './hogqlDiagnostics'
import { validation } from './testSupport'

// Real key events in Chromium (Storybook's simulated events cannot drive CodeMirror's Ctrl chords). Chromium on Linux:
// Mod is Control.
const mount = async (props: HogQLEditorProps) => {
  const ref = createRef<HogQLEditorHandle>()
  const { container } = render(<HogQLEditor ref={ref} aria-label="Query" {...props} />)
  const content = container.querySelector<HTMLElement>('.cm-content')
  if (!content) throw new Error('editor not mounted')
  await userEvent.click(content)
  const text = () => ref.current?.getValue()
  return { ref, container, content, text }
}
const completionShown = async (container: HTMLElement) => {
  await vi.waitFor(() => {
    if (!container.querySelector('.cm-tooltip-autocomplete li[aria-selected]'))
      throw new Error('no completion list yet')
  })
  // CodeMirror ignores Enter/Tab for 75 ms after the list opens (`interactionDelay`), so a keystroke typed just as the
  // list pops up is not taken as accepting it; a person reading the list waits longer than that.
  await new Promise((resolve) => setTimeout(resolve, 120))
}

describe('HogQLEditor keyboard (Chromium)', () => {
  afterEach(cleanup)

  it('Mod-Enter runs the whole query and inserts no line', async () => {
    const onRun = vi.fn()
    const { text } = await mount({ defaultValue: 'select event\nfrom events', onRun })
    await userEvent.keyboard('{Control>}{Enter}{/Control}')
    expect(onRun).toHaveBeenCalledExactlyOnceWith('select event\nfrom events')
    expect(text()).toBe('select event\nfrom events')
  })

  it('Mod-Enter on a selection runs only the selection', async () => {
    const onRun = vi.fn()
    await mount({ defaultValue: 'select event\nfrom events', onRun })
    await userEvent.keyboard('{Control>}{Home}{/Control}{Shift>}{End}{/Shift}')
    await userEvent.keyboard('{Control>}{Enter}{/Control}')
    expect(onRun).toHaveBeenCalledExactlyOnceWith('select event')
  })

  it('Enter accepts a function completion and leaves the cursor inside its parentheses', async () => {
    const { container, text } = await mount({ defaultValue: '' })
    await userEvent.keyboard('select countI')
    await completionShown(container)
    await userEvent.keyboard('{Enter}event')
    expect(text()).toBe('select countIf(event)')
  })

  it('Tab accepts a table completion after FROM', async () => {
    const { container, text } = await mount({ defaultValue: '' })
    await userEvent.keyboard('select 1 from per')
    await completionShown(container)
    await userEvent.keyboard('{Tab}')
    expect(text()).toBe('select 1 from persons')
  })

  it('completes a placeholder inside braces and steps over the closing brace', async () => {
    const { container, text } = await mount({ defaultValue: '', values: ['plan'] })
    await userEvent.keyboard('where x = {{pla')
    await completionShown(container)
    await userEvent.keyboard('{Enter} and')
    expect(text()).toBe('where x = {plan} and')
  })

  it('Mod-. applies the quick fix PostHog sent for the error under the cursor', async () => {
    const validate = vi.fn<HogQLValidate>(async (hogql) => {
      const start = hogql.indexOf('evnt')
      return start < 0
        ? validation()
        : validation({ errors: [{ message: 'Unable to resolve field: evnt', start, end: start + 4, fix: 'event' }] })
    })
    const { container, text } = await mount({ defaultValue: 'select evnt from events', validate, validateDelay: 20 })
    await vi.waitFor(() => {
      if (!container.querySelector('.cm-lintRange-error')) throw new Error('no diagnostic yet')
    })
    await userEvent.keyboard('{Control>}{Home}{/Control}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}')
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}')
    await userEvent.keyboard('{Control>}.{/Control}')
    expect(text()).toBe('select event from events')
    await vi.waitFor(() =>
      expect(container.querySelector('.sf-hogql-editor')?.getAttribute('data-state')).toBe('valid'),
    )
  })

  it('the problems panel (Mod-Shift-m) lists PostHog’s error and applies its fix from the keyboard', async () => {
    const validate = vi.fn<HogQLValidate>(async (hogql) => {
      const start = hogql.indexOf('evnt')
      return start < 0
        ? validation()
        : validation({ errors: [{ message: 'Unable to resolve field: evnt', start, end: start + 4, fix: 'event' }] })
    })
    const { container, text } = await mount({ defaultValue: 'select evnt from events', validate, validateDelay: 20 })
    await vi.waitFor(() => {
      if (!container.querySelector('.cm-lintRange-error')) throw new Error('no diagnostic yet')
    })
    // `{KeyM}` (the physical key): a literal `m` while Shift is held is not sent as Shift+M.
    await userEvent.keyboard('{Control>}{Shift>}{KeyM}{/Shift}{/Control}')
    const panel = await vi.waitFor(() => {
      const found = container.querySelector('.cm-panel-lint')
      if (!found) throw new Error(`no problems panel: ${container.querySelector('.cm-editor')?.className}`)
      return found
    })
    expect(panel?.textContent).toContain('Unable to resolve field: evnt')
    expect(panel?.textContent).toContain('Replace with “event”')
    // The panel gives each action a letter key: R for "Replace with …".
    await userEvent.keyboard('r')
    expect(text()).toBe('select event from events')
  })

  it('Tab without a completion list leaves the editor, so keyboard users are never trapped', async () => {
    const { container, text } = await mount({ defaultValue: 'select 1' })
    const after = document.createElement('button')
    after.textContent = 'Preview'
    container.append(after)
    await userEvent.keyboard('{End}{Tab}')
    expect(document.activeElement).toBe(after)
    expect(text()).toBe('select 1')
  })
})
