import { useMessages } from '../../i18n/useMessages'
import { useHydrated } from '../../primitives/useHydrated'

/**
 * A date format in the kit's locale and the visitor's time zone. Server HTML and hydration use UTC instead: the
 * server's zone is not the visitor's, and dates that read differently would make React throw the server's tree away
 * (for a host that prefetches runs for server rendering). The visitor's zone follows right after hydration.
 */
export function useDateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const m = useMessages()
  const hydrated = useHydrated()
  return new Intl.DateTimeFormat(m.dateLocale, hydrated ? options : { ...options, timeZone: 'UTC' })
}
