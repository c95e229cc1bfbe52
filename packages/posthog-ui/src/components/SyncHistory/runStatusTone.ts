import type { ApiRun } from '@statisfy/posthog-sdk'
import type { Tone } from '../../primitives/Badge'

/** The badge tone of a run status, the same wherever a run is shown (history rows, a query's last run). */
export const runStatusTone: Record<ApiRun['status'], Tone> = {
  queued: 'neutral',
  running: 'neutral',
  succeeded: 'success',
  partial: 'warning',
  failed: 'danger',
  skipped: 'muted',
}
