import type { ReactNode } from 'react'
import { KitRoot, useInsideKitRoot } from './KitRoot'

/**
 * Lets a component work on its own: outside a provider or `KitRoot` it renders a root (theme variables and styles)
 * around itself; inside one it adds nothing.
 */
export function StandaloneRoot({ children }: { children: ReactNode }) {
  return useInsideKitRoot() ? children : <KitRoot>{children}</KitRoot>
}
