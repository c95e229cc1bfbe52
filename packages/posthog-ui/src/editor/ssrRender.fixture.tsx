// Rendered by HogQLEditor.ssr.test.tsx in a plain Node process (no DOM globals at all), as a server would.
import { renderToString } from 'react-dom/server'
import { HogQLEditorLazy } from './HogQLEditorLazy'
import { HogQLEditor } from './index'

const html = {
  hasWindow: typeof window !== 'undefined',
  editor: renderToString(<HogQLEditor value="select count() from events" aria-label="Query" className="q" />),
  lazy: renderToString(<HogQLEditorLazy defaultValue="select 1" placeholder="Write HogQL" />),
}
process.stdout.write(JSON.stringify(html))
