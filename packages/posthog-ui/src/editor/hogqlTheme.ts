import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { tags } from '@lezer/highlight'

/** Light or dark editor chrome and syntax colours. */
export type HogQLThemeMode = 'light' | 'dark'

// Fallbacks for hosts that render the editor outside the kit's root (which defines the `--sf-*` variables).
const FALLBACK = {
  light: {
    bg: '#ffffff',
    fg: '#1d1f27',
    muted: '#5f6370',
    surface: '#f5f6f8',
    border: '#d0d4dc',
    accent: '#1f5fd1',
    selection: '#cfe0ff',
    danger: '#c0262d',
    warning: '#a15c00',
    keyword: '#8a2bb7',
    string: '#0f7b3b',
    number: '#a8480c',
    fn: '#1f5fd1',
    placeholder: '#0b6d80',
  },
  dark: {
    bg: '#17181c',
    fg: '#e8e9ed',
    muted: '#a3a7b3',
    surface: '#22242a',
    border: '#3a3d46',
    accent: '#7aa7ff',
    selection: '#2e4a7a',
    danger: '#ff7b7f',
    warning: '#f2b45a',
    keyword: '#d4a0ff',
    string: '#7ed69a',
    number: '#ffb27a',
    fn: '#7aa7ff',
    placeholder: '#5fd4e8',
  },
} as const

/**
 * The editor's look, built from the kit's CSS variables (`--sf-color-bg`, `-fg`, `-muted`, `-surface`, `-border`,
 * `-accent`, `-accent-fg`, `-danger`, `-warning`, `--sf-font-mono`, `--sf-font-size`, `--sf-radius`; see the kit's
 * `appearance`) with fallbacks per mode, so the editor restyles with the rest of the kit. Editor-only variables:
 * `--sf-color-selection` and `--sf-color-syntax-{keyword,string,number,function,property,placeholder}`.
 */
export function hogqlTheme(mode: HogQLThemeMode): Extension {
  const c = FALLBACK[mode]
  const v = (name: string, fallback: string) => `var(--sf-${name}, ${fallback})`
  const fg = v('color-fg', c.fg)
  const muted = v('color-muted', c.muted)
  const surface = v('color-surface', c.surface)
  const border = v('color-border', c.border)
  const accent = v('color-accent', c.accent)
  const accentFg = v('color-accent-fg', c.bg)
  const radius = v('radius', '6px')

  const chrome = EditorView.theme(
    {
      '&': {
        color: fg,
        backgroundColor: v('color-bg', c.bg),
        border: `1px solid ${border}`,
        borderRadius: radius,
        fontSize: v('font-size', '14px'),
      },
      '&.cm-focused': { outline: `2px solid ${accent}`, outlineOffset: '2px' },
      '.cm-scroller': { fontFamily: v('font-mono', 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace') },
      '.cm-content': { caretColor: accent, padding: '8px 0' },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: accent },
      '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
        backgroundColor: v('color-selection', c.selection),
      },
      '.cm-gutters': { backgroundColor: surface, color: muted, borderRight: `1px solid ${border}` },
      '.cm-activeLineGutter': { color: fg },
      '.cm-placeholder': { color: muted },
      '.cm-hogql-placeholder': { color: v('color-syntax-placeholder', c.placeholder), fontWeight: '600' },
      '.cm-hogql-placeholder-unknown': { textDecoration: `underline dotted ${v('color-warning', c.warning)}` },
      '.cm-tooltip': { backgroundColor: surface, color: fg, border: `1px solid ${border}`, borderRadius: radius },
      '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: accent, color: accentFg },
      '.cm-completionDetail': { color: muted, fontStyle: 'normal', marginLeft: '1em' },
      '.cm-diagnostic-error': { borderLeftColor: v('color-danger', c.danger) },
      '.cm-diagnostic-warning': { borderLeftColor: v('color-warning', c.warning) },
      '.cm-diagnostic-info': { borderLeftColor: accent },
      '.cm-diagnosticAction': { backgroundColor: accent, color: accentFg, borderRadius: radius },
      '.cm-panels': { backgroundColor: surface, color: fg },
    },
    { dark: mode === 'dark' },
  )

  const highlight = HighlightStyle.define(
    [
      { tag: tags.keyword, color: v('color-syntax-keyword', c.keyword) },
      { tag: [tags.string, tags.special(tags.string)], color: v('color-syntax-string', c.string) },
      { tag: [tags.number, tags.bool, tags.null], color: v('color-syntax-number', c.number) },
      { tag: tags.standard(tags.name), color: v('color-syntax-function', c.fn) },
      { tag: tags.typeName, color: v('color-syntax-keyword', c.keyword), fontStyle: 'italic' },
      { tag: tags.special(tags.name), color: v('color-syntax-property', c.placeholder) },
      { tag: [tags.lineComment, tags.blockComment], color: muted, fontStyle: 'italic' },
      { tag: [tags.operator, tags.punctuation], color: fg },
    ],
    { themeType: mode },
  )

  return [chrome, syntaxHighlighting(highlight)]
}
