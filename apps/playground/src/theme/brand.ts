import type { Appearance } from '@statisfy/posthog-ui'
import type { Theme } from './themeStorage'

/** Statisfy's brand: the name, and the colours the host's CSS and the kit's appearance share. */
export const brand = {
  name: 'Statisfy',
  light: {
    colorBackground: '#ffffff',
    colorSurface: '#f6f4fb',
    colorForeground: '#1c1530',
    colorMuted: '#5d5670',
    colorAccent: '#5b3cc4',
    colorAccentForeground: '#ffffff',
    colorBorder: '#dcd6ea',
  },
  dark: {
    colorBackground: '#17131f',
    colorSurface: '#221c2e',
    colorForeground: '#eeeaf6',
    colorMuted: '#aaa2bd',
    colorAccent: '#a48bff',
    colorAccentForeground: '#17131f',
    colorBorder: '#3a3248',
  },
} as const

/** The kit's `appearance` for a theme: the same colours as the host's, its corner radius and font. */
export function kitAppearance(theme: Theme): Appearance {
  return {
    theme,
    variables: {
      ...brand[theme],
      radius: '10px',
      fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif',
    },
  }
}
