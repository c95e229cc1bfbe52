import { useEffect, useRef } from 'react'
import { Header } from './components/Header'
import { KitFrame } from './components/KitFrame'
import { AccountPage } from './pages/AccountPage'
import { AccountsPage } from './pages/AccountsPage'
import { RunPage } from './pages/RunPage'
import { SettingsPage } from './pages/SettingsPage'
import type { Route } from './router/parseRoute'
import { useHashRoute } from './router/useHashRoute'
import { useTheme } from './theme/useTheme'

const titles: Record<Route['page'], string> = {
  settings: 'PostHog settings',
  accounts: 'Accounts',
  account: 'Account',
  run: 'Run',
  not_found: 'Not found',
}

function Page({ route, theme }: { route: Route; theme: 'light' | 'dark' }) {
  switch (route.page) {
    case 'settings':
      return (
        <KitFrame theme={theme}>
          <SettingsPage />
        </KitFrame>
      )
    case 'run':
      return (
        <KitFrame theme={theme}>
          <RunPage runId={route.runId} />
        </KitFrame>
      )
    case 'accounts':
      return <AccountsPage />
    case 'account':
      return <AccountPage accountId={route.accountId} />
    case 'not_found':
      return (
        <div className="pg-page" data-page="not_found">
          <h1 tabIndex={-1}>Page not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. Go to <a href="#/settings">PostHog settings</a> or{' '}
            <a href="#/accounts">Accounts</a>.
          </p>
        </div>
      )
    default:
      return route satisfies never
  }
}

/** The host app: header, the page of the current hash, and the theme shared by the host's CSS and the kit. */
export function App() {
  const route = useHashRoute()
  const { theme, toggle } = useTheme()
  const main = useRef<HTMLElement>(null)
  const first = useRef(true)
  const key = JSON.stringify(route)
  useEffect(() => {
    document.title = `${titles[route.page]} · Statisfy`
    // After a navigation (not on load), move focus to the new page, so keyboard and screen-reader users start there.
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus()
  }, [key])
  return (
    <div className="pg-app" data-theme={theme}>
      <button type="button" className="pg-skip" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <Header route={route} theme={theme} onToggleTheme={toggle} />
      <main id="main" ref={main} tabIndex={-1} className="pg-main">
        <Page route={route} theme={theme} />
      </main>
    </div>
  )
}
