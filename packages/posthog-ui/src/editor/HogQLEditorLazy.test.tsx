import { render, waitFor } from '@testing-library/react'
import { createRef } from 'react'
import { describe, expect, it } from 'vitest'
import type { HogQLEditorHandle } from './HogQLEditor'
import { HogQLEditorLazy } from './HogQLEditorLazy'

describe('HogQLEditorLazy', () => {
  it('shows the query as static text, then the editor once its code has loaded, forwarding the ref', async () => {
    const ref = createRef<HogQLEditorHandle>()
    const { container } = render(<HogQLEditorLazy ref={ref} defaultValue="select 1" aria-label="Query" />)
    expect(container.querySelector('textarea')).toHaveValue('select 1')
    expect(container.querySelector('.cm-editor')).toBeNull()
    // The editor swaps its own static text for CodeMirror one render after the view mounts, so wait for both (the
    // editor's code is a separate chunk: on a loaded CI machine its import takes seconds, not waitFor's default 1 s).
    await waitFor(
      () => {
        expect(container.querySelector('.cm-content')).toHaveAttribute('aria-label', 'Query')
        expect(container.querySelector('textarea')).toBeNull()
      },
      { timeout: 10_000 },
    )
    expect(ref.current?.getValue()).toBe('select 1')
  })
})
