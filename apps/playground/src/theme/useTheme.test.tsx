import { act, render, renderHook, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { kitAppearance } from './brand'
import { ThemeToggle } from './ThemeToggle'
import { initialTheme, THEME_STORAGE_KEY, type ThemeStorage } from './themeStorage'
import { useTheme } from './useTheme'

function memoryStorage(initial: Record<string, string> = {}): ThemeStorage & { data: Record<string, string> } {
  const data = { ...initial }
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v
    },
  }
}

describe('initialTheme', () => {
  it('prefers the saved choice, then the system preference', () => {
    expect(initialTheme(memoryStorage({ [THEME_STORAGE_KEY]: 'dark' }), false)).toBe('dark')
    expect(initialTheme(memoryStorage({ [THEME_STORAGE_KEY]: 'light' }), true)).toBe('light')
    expect(initialTheme(memoryStorage(), true)).toBe('dark')
    expect(initialTheme(memoryStorage({ [THEME_STORAGE_KEY]: 'purple' }), false)).toBe('light')
  })

  it('treats storage that throws as no saved choice', () => {
    const throwing: ThemeStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('SecurityError')
      },
    }
    expect(initialTheme(throwing, true)).toBe('dark')
    const { result } = renderHook(() => useTheme(throwing))
    // jsdom has no matchMedia, so the system preference reads as light; toggling still works, only unsaved.
    expect(result.current.theme).toBe('light')
    expect(() => act(() => result.current.toggle())).not.toThrow()
    expect(result.current.theme).toBe('dark')
  })
})

describe('useTheme', () => {
  it('applies the theme to <html>, saves each change, and survives a reload', () => {
    const storage = memoryStorage({ [THEME_STORAGE_KEY]: 'light' })
    const { result, unmount } = renderHook(() => useTheme(storage))
    expect(document.documentElement.dataset.theme).toBe('light')
    act(() => result.current.toggle())
    expect(result.current.theme).toBe('dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(document.documentElement.style.colorScheme).toBe('dark')
    expect(storage.data[THEME_STORAGE_KEY]).toBe('dark')
    unmount()
    // A new visit reads the saved choice.
    const again = renderHook(() => useTheme(storage))
    expect(again.result.current.theme).toBe('dark')
  })

  it('gives the kit the same theme as the host', () => {
    expect(kitAppearance('dark')).toMatchObject({ theme: 'dark', variables: { colorAccent: '#a48bff' } })
    expect(kitAppearance('light').theme).toBe('light')
  })
})

describe('ThemeToggle', () => {
  it('is a toggle button named Dark mode whose pressed state follows the theme', async () => {
    function Harness() {
      const { theme, toggle } = useTheme(memoryStorage())
      return <ThemeToggle theme={theme} onToggle={toggle} />
    }
    render(<Harness />)
    const button = screen.getByRole('button', { name: /dark mode/i })
    expect(button).toHaveAttribute('aria-pressed', 'false')
    await userEvent.click(button)
    expect(button).toHaveAttribute('aria-pressed', 'true')
    button.focus()
    await userEvent.keyboard('{Enter}')
    expect(button).toHaveAttribute('aria-pressed', 'false')
  })
})
