import { usePostHogIntegration, useSchema } from '@statisfy/posthog-ui'
import {
  HogQLEditor,
  type HogQLEditorHandle,
  type HogQLEditorProps,
  type HogQLSchemaField,
  type HogQLValidate,
  textToRun,
} from '@statisfy/posthog-ui/editor'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useRef } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { dark, narrow, withBackend } from './StoryBackend'

const productUsageQuery = `-- Daily product usage per account
SELECT
  person.properties.email_domain AS org_domain,
  event AS metric,
  toDate(timestamp) AS day,
  count() AS value
FROM events
WHERE event IN ('dashboard_viewed', 'report_exported', 'seat_activated')
  AND timestamp >= {period_start}
  AND timestamp < {period_end}
GROUP BY org_domain, metric, day
ORDER BY day`

const field = (name: string, type: string, extra: Partial<HogQLSchemaField> = {}) => ({
  name,
  hogql_value: /^[a-z_]+$/.test(name) ? name : `\`${name}\``,
  type,
  schema_valid: true,
  ...extra,
})

/** Part of a PostHog `DatabaseSchemaQuery` response as it comes (TV18 in the API reference), warehouse table included. */
const databaseSchema = {
  tables: {
    events: {
      type: 'posthog',
      id: 'events',
      name: 'events',
      fields: {
        uuid: field('uuid', 'string'),
        event: field('event', 'string'),
        properties: field('properties', 'json'),
        timestamp: field('timestamp', 'datetime'),
        distinct_id: field('distinct_id', 'string'),
        $session_id: field('$session_id', 'string'),
        person: field('person', 'lazy_table', { table: 'persons', fields: ['id', 'created_at', 'properties'] }),
        session: field('session', 'lazy_table', { table: 'sessions', fields: ['session_id', '$start_timestamp'] }),
      },
    },
    persons: {
      type: 'posthog',
      id: 'persons',
      name: 'persons',
      fields: {
        id: field('id', 'string'),
        created_at: field('created_at', 'datetime'),
        properties: field('properties', 'json'),
      },
    },
    sessions: {
      type: 'posthog',
      id: 'sessions',
      name: 'sessions',
      fields: {
        session_id: field('session_id', 'string'),
        $start_timestamp: field('$start_timestamp', 'datetime'),
      },
    },
    stripe_invoice: {
      type: 'data_warehouse',
      id: '0190e1d6-8f0c-7000-8a5b-6a4cde8e1f11',
      name: 'stripe_invoice',
      fields: {
        customer_email: field('customer_email', 'string'),
        amount_paid: field('amount_paid', 'integer'),
        created: field('created', 'datetime'),
      },
    },
  },
}

/** What PostHog's HogQLMetadata says about a query whose first word is not a statement (its ANTLR message). */
const parserValidate: HogQLValidate = async (hogql) => {
  const word = /^\s*(\S+)/.exec(hogql)?.[1] ?? ''
  if (/^(select|with)$/i.test(word)) return { isValid: true, errors: [], warnings: [], notices: [] }
  const start = hogql.indexOf(word)
  const message = `mismatched input '${word}' expecting {SELECT, WITH, '{', '(', '<'}`
  return { isValid: false, errors: [{ message, start, end: start + word.length }], warnings: [], notices: [] }
}

/** PostHog's answer for a misspelt field, with the replacement as a quick fix. */
const fieldValidate: HogQLValidate = async (hogql) => {
  const start = hogql.indexOf('evnt')
  if (start < 0) return { isValid: true, errors: [], warnings: [], notices: [] }
  const error = { message: 'Unable to resolve field: evnt', start, end: start + 4, fix: 'event' }
  return { isValid: false, errors: [error], warnings: [], notices: [] }
}

/** The editor wired as a host wires it: the schema from `useSchema()`, validation through the api client. */
function WiredEditor(props: HogQLEditorProps) {
  const { client } = usePostHogIntegration()
  const schema = useSchema()
  return (
    <HogQLEditor
      schema={schema.data}
      validate={(hogql, signal) => client.validateHogQL({ hogql }, { signal })}
      {...props}
    />
  )
}

/** A Run button next to the editor, running what Mod-Enter runs (the selection, else the whole query). */
function EditorWithRunButton(props: HogQLEditorProps) {
  const editor = useRef<HogQLEditorHandle>(null)
  const run = () => {
    const view = editor.current?.view
    if (view) props.onRun?.(textToRun(view.state))
  }
  return (
    <div style={{ display: 'grid', gap: 8, justifyItems: 'start' }}>
      <HogQLEditor ref={editor} {...props} />
      <button type="button" onClick={run}>
        Run preview
      </button>
    </div>
  )
}

const editorOf = (canvasElement: HTMLElement) => {
  const root = canvasElement.querySelector<HTMLElement>('.sf-hogql-editor')
  if (!root) throw new Error('no editor rendered')
  return root
}
const stateOf = (canvasElement: HTMLElement) => editorOf(canvasElement).dataset.state
const editorText = (canvasElement: HTMLElement) =>
  Array.from(canvasElement.querySelectorAll('.cm-line'), (line) => line.textContent).join('\n')

const meta = {
  title: 'Components/HogQLEditor',
  component: HogQLEditor,
  decorators: [withBackend],
  args: { 'aria-label': 'HogQL query' },
  parameters: {
    docs: {
      description: {
        component:
          'The HogQL query editor (CodeMirror 6, from `@statisfy/posthog-ui/editor`): highlighting, completion from the ' +
          'project’s schema, diagnostics and quick fixes from PostHog’s HogQLMetadata, Mod-Enter to run. `data-state` ' +
          'tells where validation stands: `idle | validating | valid | invalid | unavailable`.',
      },
    },
  },
} satisfies Meta<typeof HogQLEditor>
export default meta
type Story = StoryObj<typeof meta>

/** Nothing typed yet: the placeholder shows what a query looks like. */
export const Empty: Story = {
  args: { placeholder: 'SELECT … FROM events WHERE timestamp >= {period_start}' },
  play: async ({ canvasElement }) => {
    const textbox = await within(canvasElement).findByRole('textbox', { name: 'HogQL query' })
    await expect(textbox).toHaveTextContent('SELECT … FROM events WHERE timestamp >= {period_start}')
    await expect(canvasElement.querySelector('.cm-placeholder')).toBeVisible()
    await expect(stateOf(canvasElement)).toBe('idle')
  },
}

/** A product-usage query checked through the host's api (the fake backend finds it valid); placeholders marked. */
export const ProductUsageQuery: Story = {
  args: { defaultValue: productUsageQuery },
  render: (args) => <WiredEditor {...args} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(stateOf(canvasElement)).toBe('valid'), { timeout: 3000 })
    const marks = Array.from(canvasElement.querySelectorAll('.cm-hogql-placeholder'), (mark) => mark.textContent)
    await expect(marks).toEqual(['{period_start}', '{period_end}'])
    await expect(canvasElement.querySelector('.cm-hogql-placeholder-unknown')).toBeNull()
  },
}

/** Completion from a PostHog `DatabaseSchemaQuery` response (a warehouse table included): tables after FROM. */
export const WithSchemaCompletion: Story = {
  args: { schema: databaseSchema },
  play: async ({ canvasElement }) => {
    const textbox = await within(canvasElement).findByRole('textbox', { name: 'HogQL query' })
    await userEvent.click(textbox)
    await userEvent.type(textbox, 'select count() from ev')
    const list = await within(canvasElement).findByRole('listbox', {}, { timeout: 3000 })
    const options = within(list).getAllByRole('option')
    await expect(editorText(canvasElement)).toBe('select count() from ev')
    await expect(options.map((option) => option.textContent)).toContainEqual(expect.stringMatching(/^events/))
  },
}

/** PostHog’s parser rejects the query: the error is underlined where HogQLMetadata says, and `data-state` is invalid. */
export const ParseError: Story = {
  name: 'Syntax error',
  args: { defaultValue: 'SELCT event, count() AS value\nFROM events\nGROUP BY event', validate: parserValidate },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.cm-lintRange-error')).toHaveTextContent('SELCT'), {
      timeout: 3000,
    })
    await expect(stateOf(canvasElement)).toBe('invalid')
  },
}

/** PostHog sends a replacement with the error: hovering it offers the quick fix, which corrects the query. */
export const QuickFix: Story = {
  args: {
    defaultValue: 'SELECT evnt, count() AS value\nFROM events\nWHERE timestamp >= {period_start}\nGROUP BY 1',
    validate: fieldValidate,
    onDiagnostics: fn(),
  },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(canvasElement.querySelector('.cm-lintRange-error')).toHaveTextContent('evnt'), {
      timeout: 3000,
    })
    await expect(args.onDiagnostics).toHaveBeenCalledWith([
      expect.objectContaining({ severity: 'error', message: 'Unable to resolve field: evnt' }),
    ])
    const range = canvasElement.querySelector('.cm-lintRange-error')
    if (!range) throw new Error('no error underline')
    const box = range.getBoundingClientRect()
    await userEvent.pointer({
      target: range,
      coords: { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 },
    })
    const fix = await within(canvasElement.ownerDocument.body).findByRole(
      'button',
      { name: /Replace with “event”/ },
      { timeout: 3000 },
    )
    await userEvent.click(fix)
    await expect(editorText(canvasElement)).toContain('SELECT event, count()')
    await waitFor(() => expect(stateOf(canvasElement)).toBe('valid'), { timeout: 3000 })
  },
}

/** PostHog has not answered yet (the check never resolves): `data-state` stays `validating`. */
export const Validating: Story = {
  args: { defaultValue: productUsageQuery, validate: fn<HogQLValidate>(() => new Promise(() => {})) },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(args.validate).toHaveBeenCalledTimes(1), { timeout: 3000 })
    await expect(stateOf(canvasElement)).toBe('validating')
  },
}

/** The check itself fails (PostHog rate-limited the key): `data-state` is `unavailable`, nothing is underlined. */
export const ValidationUnavailable: Story = {
  args: { defaultValue: productUsageQuery },
  parameters: {
    backend: {
      fail: {
        validateHogQL: {
          status: 429,
          code: 'posthog_rate_limited',
          message: 'PostHog rate-limited this key.',
          retryAfterSeconds: 30,
        },
      },
    },
  },
  render: (args) => <WiredEditor {...args} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(stateOf(canvasElement)).toBe('unavailable'), { timeout: 3000 })
    await expect(canvasElement.querySelector('.cm-lintRange')).toBeNull()
  },
}

/** A saved query shown but not editable: still selectable and runnable. */
export const ReadOnly: Story = {
  args: { defaultValue: productUsageQuery, readOnly: true, onChange: fn() },
  play: async ({ canvasElement, args }) => {
    const textbox = await within(canvasElement).findByRole('textbox', { name: 'HogQL query' })
    await expect(textbox).toHaveAttribute('aria-readonly', 'true')
    await expect(editorOf(canvasElement)).toHaveAttribute('data-readonly', 'true')
    await userEvent.type(textbox, 'x')
    await expect(args.onChange).not.toHaveBeenCalled()
    await expect(editorText(canvasElement)).toBe(productUsageQuery)
  },
}

/**
 * Mod-Enter (Ctrl-Enter, Cmd-Enter on macOS) calls `onRun` with the selection, or the whole query. The Run button runs
 * the same text through `textToRun`. The key itself is tested with real key events in `HogQLEditor.browser.test.tsx`
 * (Storybook's simulated events cannot press Ctrl chords in CodeMirror).
 */
export const RunWithModEnter: Story = {
  args: { defaultValue: productUsageQuery, onRun: fn() },
  render: (args) => <EditorWithRunButton {...args} />,
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Run preview' }))
    await expect(args.onRun).toHaveBeenCalledTimes(1)
    await expect(args.onRun).toHaveBeenCalledWith(productUsageQuery)
  },
}

/** `theme="auto"` follows the kit root’s dark appearance; the error underline and highlighting in dark colours. */
export const DarkTheme: Story = {
  args: QuickFix.args,
  parameters: dark,
  play: async ({ canvasElement }) => {
    await expect(editorOf(canvasElement)).toHaveAttribute('data-theme', 'dark')
    await waitFor(() => expect(stateOf(canvasElement)).toBe('invalid'), { timeout: 3000 })
  },
}

/** A 360px column: long lines scroll inside the editor instead of widening the page. */
export const NarrowWidth: Story = {
  args: { defaultValue: productUsageQuery },
  parameters: narrow,
  play: async ({ canvasElement }) => {
    await expect(editorOf(canvasElement).getBoundingClientRect().width).toBeLessThanOrEqual(360)
  },
}

const metrics = Array.from({ length: 60 }, (_, i) => `feature_${String(i + 1).padStart(2, '0')}`)
const longQuery = [
  '-- One metric per tracked feature event',
  ...metrics.flatMap((metric, i) => [
    ...(i === 0 ? [] : ['UNION ALL']),
    `SELECT person.properties.email_domain AS org_domain, '${metric}' AS metric,`,
    '  toDate(timestamp) AS day, count() AS value',
    `FROM events WHERE event = '${metric}_used'`,
    '  AND timestamp >= {period_start} AND timestamp < {period_end}',
    'GROUP BY org_domain, day',
  ]),
].join('\n')

/** A few hundred lines (60 metrics in one UNION ALL): only the lines near the viewport are in the DOM. */
export const LongQuery: Story = {
  args: { defaultValue: longQuery },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('textbox', { name: 'HogQL query' })
    const total = longQuery.split('\n').length
    await expect(total).toBeGreaterThan(300)
    await expect(canvasElement.querySelectorAll('.cm-line').length).toBeLessThan(total)
  },
}
