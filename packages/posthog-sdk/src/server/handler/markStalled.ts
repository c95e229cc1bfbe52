import { type ApiRun, isRunInFlight, runLastSavedAt } from '../../api/index'

/**
 * The run as the handler serves it: a run in flight gets `stalled`, whether its last save (`runLastSavedAt`: the
 * latest of `updatedAt`, `startedAt` and `queuedAt`) is more than `stalledAfterMs` before `now`. Derived on every
 * read, with the server's clock (the browser's may be off by minutes), so it works for any store and clears if the
 * worker saves again.
 */
export function markStalled(run: ApiRun, now: Date, stalledAfterMs: number): ApiRun {
  if (!isRunInFlight(run)) return run
  return { ...run, stalled: now.getTime() - Date.parse(runLastSavedAt(run)) > stalledAfterMs }
}
