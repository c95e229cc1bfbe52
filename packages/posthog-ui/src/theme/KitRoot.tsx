import { createContext, forwardRef, type HTMLAttributes, useContext } from 'react'
import { type Appearance, appearanceToStyle } from './appearance'
import { kitCss } from './kitCss'

const InsideKitRoot = createContext(false)

/** Props of {@link KitRoot}. */
export type KitRootProps = HTMLAttributes<HTMLDivElement> & {
  /** Theme and token overrides. @default { theme: 'light' } */
  appearance?: Appearance
  /**
   * Render the kit's stylesheet in a `<style>` inside the root. Set to `false` when the host ships `kitCss` itself
   * (for example under a Content-Security-Policy without `'unsafe-inline'` styles and no nonce).
   * @default true
   */
  injectStyles?: boolean
  /** CSP nonce put on the injected `<style>`. */
  nonce?: string
}

/**
 * The kit's root element: it carries the `--sf-*` variables, the theme (`data-sf-theme`) and the stylesheet, so no CSS
 * reaches the host page outside it and no CSS loader is needed. `PostHogIntegrationProvider` renders one; components
 * used outside a provider render their own. Nested roots only add a plain element with their own overrides.
 *
 * @example
 * <KitRoot appearance={{ theme: 'dark' }}><PreviewTable columns={columns} rows={rows} /></KitRoot>
 */
export const KitRoot = forwardRef<HTMLDivElement, KitRootProps>(function KitRoot(
  { appearance, injectStyles = true, nonce, className, style, children, ...rest },
  ref,
) {
  const nested = useContext(InsideKitRoot)
  return (
    <div
      ref={ref}
      {...rest}
      className={nested ? className : className ? `sf-root ${className}` : 'sf-root'}
      data-sf-theme={appearance?.theme ?? (nested ? undefined : 'light')}
      style={{ ...appearanceToStyle(appearance?.variables), ...style }}
    >
      {injectStyles && !nested ? <style nonce={nonce}>{kitCss}</style> : null}
      <InsideKitRoot.Provider value={true}>{children}</InsideKitRoot.Provider>
    </div>
  )
})

/** True when rendered inside a {@link KitRoot} (directly or through the provider). */
export function useInsideKitRoot(): boolean {
  return useContext(InsideKitRoot)
}
