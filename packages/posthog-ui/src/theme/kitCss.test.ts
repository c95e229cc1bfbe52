import { describe, expect, it } from 'vitest'
import { kitCss } from './kitCss'

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number]
  return (x + 0.05) / (y + 0.05)
}

function tokens(theme: 'light' | 'dark'): Record<string, string> {
  const block = new RegExp(`\\.sf-root\\[data-sf-theme=${theme}\\][^{]*\\{([^}]*)\\}`).exec(kitCss)?.[1] ?? ''
  return Object.fromEntries([...block.matchAll(/(--sf-color-[a-z-]+):(#[0-9a-f]{6})/g)].map((m) => [m[1], m[2]]))
}

describe('kitCss', () => {
  it('scopes every rule under .sf-root', () => {
    const selectors = kitCss
      .replace(/@(media|container)[^{]*\{/g, '')
      .split('}')
      .map((rule) => rule.split('{')[0]?.trim() ?? '')
      .filter(Boolean)
    for (const selector of selectors) {
      for (const part of selector.split(',')) expect(part.trim()).toMatch(/^\.sf-root/)
    }
  })

  it.each(['light', 'dark'] as const)('meets WCAG AA text contrast in the %s theme', (theme) => {
    const t = tokens(theme)
    const texts = ['fg', 'muted', 'accent', 'danger', 'warning', 'success'].map((n) => t[`--sf-color-${n}`] as string)
    for (const background of [t['--sf-color-bg'], t['--sf-color-surface']] as string[]) {
      for (const text of texts)
        expect(contrast(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5)
    }
    expect(contrast(t['--sf-color-accent-fg'] as string, t['--sf-color-accent'] as string)).toBeGreaterThanOrEqual(4.5)
    // Non-text contrast (WCAG 1.4.11) for the focus ring: accent against the background.
    expect(contrast(t['--sf-color-accent'] as string, t['--sf-color-bg'] as string)).toBeGreaterThanOrEqual(3)
  })
})
