import { useCallback, useEffect, useState } from 'react'
import { initialTheme, saveTheme, type Theme, type ThemeStorage } from './themeStorage'

function browserStorage(): ThemeStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true
}

/**
 * The host's light/dark theme: starts from the saved choice (else the system's), is applied to `<html>` as
 * `data-theme` and `color-scheme` (the host's CSS), and each change is saved. The kit gets the same value through
 * `appearance.theme`, so host and kit never disagree.
 */
export function useTheme(storage: ThemeStorage | undefined = browserStorage()): {
  theme: Theme
  setTheme: (theme: Theme) => void
  toggle: () => void
} {
  const [theme, setThemeState] = useState<Theme>(() => initialTheme(storage, systemPrefersDark()))
  useEffect(() => {
    const root = document.documentElement
    root.dataset.theme = theme
    root.style.colorScheme = theme
  }, [theme])
  const setTheme = useCallback(
    (next: Theme) => {
      setThemeState(next)
      saveTheme(storage, next)
    },
    [storage],
  )
  const toggle = useCallback(() => setTheme(theme === 'dark' ? 'light' : 'dark'), [theme, setTheme])
  return { theme, setTheme, toggle }
}
