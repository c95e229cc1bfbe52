import { type Cadence, nextRuns } from '@statisfy/posthog-sdk'
import { useEffect, useMemo, useState } from 'react'

// setTimeout fires at once for delays past 2^31 - 1 ms (~24.8 days), which a monthly run can be.
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * The next `count` runs of `cadence` after `now`, or, without `now`, after the clock as read once the component has
 * mounted: `null` on the server and during hydration, so both render the same HTML (a time read while rendering
 * differs between them, and React throws away the server's tree). The clock is read again when the first listed
 * run passes, so a page left open keeps listing future runs.
 */
export function useNextRuns(cadence: Cadence, now: Date | undefined, count: number): Date[] | null {
  const [clock, setClock] = useState<Date | null>(null)
  const from = now ?? clock
  const runs = useMemo(() => (from ? nextRuns(cadence, from, count) : null), [cadence, from, count])
  const first = runs?.[0]?.getTime()
  useEffect(() => {
    if (now) return
    if (first === undefined) {
      setClock(new Date())
      return
    }
    const timer = setTimeout(() => setClock(new Date()), Math.min(Math.max(first - Date.now(), 0) + 1, MAX_TIMER_MS))
    return () => clearTimeout(timer)
  }, [now, first])
  return runs
}
