/** The host's colour scheme. */
export type Theme = 'light' | 'dark'

/** Where the visitor's choice is kept. */
export const THEME_STORAGE_KEY = 'statisfy-playground:theme'

/** A `localStorage`-like port, so tests and private windows (where storage throws) behave alike. */
export interface ThemeStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/**
 * The theme to start with: the visitor's saved choice, else the system's preference, else light. Storage that throws
 * (Safari private mode, a sandboxed iframe) counts as no saved choice.
 */
export function initialTheme(storage: ThemeStorage | undefined, prefersDark: boolean): Theme {
  try {
    const saved = storage?.getItem(THEME_STORAGE_KEY)
    if (saved === 'light' || saved === 'dark') return saved
  } catch {}
  return prefersDark ? 'dark' : 'light'
}

/** Keeps the choice; a storage that refuses only means it is not remembered. */
export function saveTheme(storage: ThemeStorage | undefined, theme: Theme): void {
  try {
    storage?.setItem(THEME_STORAGE_KEY, theme)
  } catch {}
}
