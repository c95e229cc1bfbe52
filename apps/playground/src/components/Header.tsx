import type { Route } from '../router/parseRoute'
import { brand } from '../theme/brand'
import { ThemeToggle } from '../theme/ThemeToggle'
import type { Theme } from '../theme/themeStorage'

/** Props of {@link Header}. */
export interface HeaderProps {
  route: Route
  theme: Theme
  onToggleTheme: () => void
}

function LogoMark() {
  return (
    <svg className="pg-logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--pg-accent)" />
      <path
        d="M9 20c2 3 12 3 13-1 1-5-12-3-12-8 0-4 10-4 12-1"
        stroke="var(--pg-accent-fg)"
        strokeWidth="3"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  )
}

/** The host's header: brand, main navigation (the current page marked), and the light/dark toggle. */
export function Header({ route, theme, onToggleTheme }: HeaderProps) {
  const section = route.page === 'account' ? 'accounts' : route.page === 'run' ? 'settings' : route.page
  const link = (page: 'settings' | 'accounts', label: string) => (
    <a href={`#/${page}`} aria-current={section === page ? 'page' : undefined} className="pg-nav-link">
      {label}
    </a>
  )
  return (
    <header className="pg-header">
      <a href="#/settings" className="pg-brand">
        <LogoMark />
        <span>{brand.name}</span>
      </a>
      <nav aria-label="Main" className="pg-nav">
        {link('settings', 'PostHog settings')}
        {link('accounts', 'Accounts')}
      </nav>
      <ThemeToggle theme={theme} onToggle={onToggleTheme} />
    </header>
  )
}
