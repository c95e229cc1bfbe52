import type { WideIntegerMode } from '../PostHogClientOptions'
import type { Clock } from '../time/Clock'
import type { Transport } from '../transport/Transport'

/** What every resource gets from the client: the transport and a few settled options. */
export interface ResourceContext {
  transport: Transport
  /** `/api/projects/{id}` (PostHog rewrites `/api/environments/…` to this form). */
  projectPath: string
  clock: Clock
  wideIntegers: WideIntegerMode
  /** Unique ids for async queries. */
  newId: () => string
}
