import type { CSSProperties } from 'react'

/** Props of {@link HogQLEditorFallback}. */
export interface HogQLEditorFallbackProps {
  /** The query to show. */
  readonly value?: string
  /** Shown when `value` is empty. */
  readonly placeholder?: string
  readonly className?: string
  readonly theme?: 'light' | 'dark' | 'auto'
  readonly 'aria-label'?: string
}

const TEXT_STYLE: CSSProperties = {
  boxSizing: 'border-box',
  width: '100%',
  margin: 0,
  resize: 'none',
  padding: '8px 12px',
  fontFamily: 'var(--sf-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace)',
  fontSize: 'var(--sf-font-size, 14px)',
  color: 'var(--sf-color-fg, inherit)',
  backgroundColor: 'var(--sf-color-bg, transparent)',
  border: '1px solid var(--sf-color-border, #d0d4dc)',
  borderRadius: 'var(--sf-radius, 6px)',
}

/**
 * The query in a read-only textarea, shown until CodeMirror has mounted (server render, first paint, lazy loading):
 * readable, selectable and labelled for assistive technology even before any script runs.
 */
export function HogQLFallbackText(props: {
  readonly text: string
  readonly placeholder?: string
  readonly label: string
}) {
  return (
    <textarea
      className="sf-hogql-editor__fallback"
      readOnly
      value={props.text}
      rows={Math.max(3, props.text.split('\n').length)}
      aria-label={props.label}
      style={TEXT_STYLE}
      {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
    />
  )
}

/**
 * A static stand-in for `HogQLEditor` with the same outer element, used while the editor's code loads. Imports no
 * CodeMirror, so it costs the host nothing.
 */
export function HogQLEditorFallback(props: HogQLEditorFallbackProps) {
  return (
    <div
      className={props.className ? `sf-hogql-editor ${props.className}` : 'sf-hogql-editor'}
      data-state="idle"
      data-theme={props.theme === 'dark' ? 'dark' : 'light'}
    >
      <HogQLFallbackText
        text={props.value ?? ''}
        {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
        label={props['aria-label'] ?? 'HogQL query'}
      />
    </div>
  )
}
