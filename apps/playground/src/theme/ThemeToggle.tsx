import type { Theme } from './themeStorage'

/** Props of {@link ThemeToggle}. */
export interface ThemeToggleProps {
  theme: Theme
  onToggle: () => void
}

/**
 * A switch-like button for dark mode: `aria-pressed` says whether dark is on, the label stays the same, so a screen
 * reader hears "Dark mode, toggle button, pressed".
 */
export function ThemeToggle({ theme, onToggle }: ThemeToggleProps) {
  const dark = theme === 'dark'
  return (
    <button type="button" className="pg-theme-toggle" aria-pressed={dark} onClick={onToggle} data-theme={theme}>
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark mode
    </button>
  )
}
