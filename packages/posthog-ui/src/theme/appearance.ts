/** Colour scheme of the kit. `auto` follows the visitor's `prefers-color-scheme`, without JavaScript (SSR-safe). */
export type ThemeName = 'light' | 'dark' | 'auto'

/**
 * Design tokens a host can override. Each maps onto one `--sf-*` CSS variable on the kit's root element, so a host can
 * equally set the variable in its own stylesheet (e.g. `.my-settings { --sf-color-accent: #7c3aed }`).
 */
export type AppearanceVariables = {
  /** `--sf-color-bg`: page background of the kit. */
  colorBackground: string
  /** `--sf-color-surface`: raised panels, table headers, inputs. */
  colorSurface: string
  /** `--sf-color-fg`: body text. */
  colorForeground: string
  /** `--sf-color-muted`: secondary text (must keep 4.5:1 contrast on the background). */
  colorMuted: string
  /** `--sf-color-accent`: primary buttons, links, focus ring. */
  colorAccent: string
  /** `--sf-color-accent-fg`: text on the accent colour. */
  colorAccentForeground: string
  /** `--sf-color-danger`: errors. */
  colorDanger: string
  /** `--sf-color-warning`: warnings such as truncated results. */
  colorWarning: string
  /** `--sf-color-success`: successful runs and checks. */
  colorSuccess: string
  /** `--sf-color-border`: borders and separators. */
  colorBorder: string
  /** `--sf-radius`: corner radius of controls and panels. */
  radius: string
  /** `--sf-font`: UI font stack. */
  fontFamily: string
  /** `--sf-font-mono`: font stack for HogQL, values and ids. */
  fontFamilyMono: string
  /** `--sf-font-size`: base font size. */
  fontSize: string
  /** `--sf-space`: the spacing unit; paddings and gaps are multiples of it. */
  spacing: string
}

/**
 * The typed `appearance` prop of `PostHogIntegrationProvider` (and of components used alone).
 *
 * @example
 * <PostHogIntegrationProvider client={client} appearance={{ theme: 'auto', variables: { colorAccent: '#6d28d9' } }}>
 */
export type Appearance = {
  /** @default 'light' */
  theme?: ThemeName
  /** Overrides applied in both themes. */
  variables?: Partial<AppearanceVariables>
}

const variableNames = {
  colorBackground: '--sf-color-bg',
  colorSurface: '--sf-color-surface',
  colorForeground: '--sf-color-fg',
  colorMuted: '--sf-color-muted',
  colorAccent: '--sf-color-accent',
  colorAccentForeground: '--sf-color-accent-fg',
  colorDanger: '--sf-color-danger',
  colorWarning: '--sf-color-warning',
  colorSuccess: '--sf-color-success',
  colorBorder: '--sf-color-border',
  radius: '--sf-radius',
  fontFamily: '--sf-font',
  fontFamilyMono: '--sf-font-mono',
  fontSize: '--sf-font-size',
  spacing: '--sf-space',
} as const satisfies Record<keyof AppearanceVariables, `--sf-${string}`>

/** Maps `appearance.variables` onto the `--sf-*` custom properties, as an inline style object for the root element. */
export function appearanceToStyle(variables: Partial<AppearanceVariables> | undefined): Record<string, string> {
  const style: Record<string, string> = {}
  if (!variables) return style
  for (const key of Object.keys(variableNames) as (keyof AppearanceVariables)[]) {
    const value = variables[key]
    if (value !== undefined) style[variableNames[key]] = value
  }
  return style
}
