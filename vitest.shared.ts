import { defaultClientConditions, defaultServerConditions } from 'vite'

/**
 * Resolve workspace packages to their `src/` through the `@statisfy/source` export condition,
 * so tests never need a build first.
 */
export const sourceResolve = {
  resolve: { conditions: ['@statisfy/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@statisfy/source', ...defaultServerConditions] } },
}

/** Debian's Chromium; nothing here may download a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]
