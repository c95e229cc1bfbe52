import * as z from 'zod'

/**
 * Failures the emulator can inject, as a client meets them in production:
 * - `throttle`: 429 "Request was throttled. Expected available in N seconds." (`waitSeconds`)
 * - `concurrency`: 429 "Too many queries are running right now — please try again in a moment."
 * - `server_error` (500), `unavailable` (503), `timeout` (504 with PostHog's max-execution-time body)
 * - `hang`: never answers until the client aborts (or `delayMs`, default 120 s, passes; then the socket is closed)
 * - `cut_body`: 200 headers with a Content-Length, half the body, then the connection is destroyed
 * - `malformed_json`: 200 with a body that is not JSON
 * - `delay`: answers normally after `delayMs` (on query routes while holding a concurrency slot)
 */
export const FaultKind = {
  throttle: 'throttle',
  concurrency: 'concurrency',
  serverError: 'server_error',
  unavailable: 'unavailable',
  timeout: 'timeout',
  hang: 'hang',
  cutBody: 'cut_body',
  malformedJson: 'malformed_json',
  delay: 'delay',
} as const

/** One of {@link FaultKind}. */
export type FaultKind = (typeof FaultKind)[keyof typeof FaultKind]

/** A fault rule as accepted by `faults.add()` and `POST /_emulator/faults`. */
export const faultSpecSchema = z.strictObject({
  kind: z.enum(Object.values(FaultKind) as [FaultKind, ...FaultKind[]]),
  /** How many matching requests it applies to. @default 1 */
  count: z.number().int().positive().default(1),
  /** Only requests whose path contains this text (e.g. `/query`). @default every /api/ request */
  route: z.string().optional(),
  /** Only this HTTP method. */
  method: z.string().optional(),
  /**
   * Only requests sent with this API key (the `Authorization: Bearer` value). PostHog throttles per personal API key
   * (`PersonalApiKeyRateThrottle`), so a throttle of one key leaves the others alone. @default every key
   */
  key: z.string().optional(),
  /** Wait announced by `throttle`. @default 30 */
  waitSeconds: z.number().nonnegative().default(30),
  /** Latency of `delay`, bound of `hang`. */
  delayMs: z.number().nonnegative().optional(),
})

/** Input form of a fault rule (defaults optional). */
export type FaultSpec = z.input<typeof faultSpecSchema>
/** A stored fault rule. */
export type FaultRule = z.output<typeof faultSpecSchema>

/** The fault-injection handle: rules are consumed first-added first, one per matching request. */
export class FaultInjector {
  private rules: FaultRule[] = []

  /**
   * Adds a rule; returns it with defaults filled in.
   * @example emulator.faults.add({ kind: 'throttle', waitSeconds: 2, count: 2, route: '/query' })
   */
  add(spec: FaultSpec): FaultRule {
    const rule = faultSpecSchema.parse(spec)
    this.rules.push(rule)
    return rule
  }

  /** Removes every pending rule. */
  reset(): void {
    this.rules = []
  }

  /** Pending rules with their remaining counts. */
  list(): readonly FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }))
  }

  /** Takes one use of the first rule matching the request (its method, path and bearer key), if any. */
  take(method: string, path: string, key: string | null = null): FaultRule | null {
    const rule = this.rules.find(
      (r) =>
        (r.route === undefined || path.includes(r.route)) &&
        (r.method === undefined || r.method.toUpperCase() === method) &&
        (r.key === undefined || r.key === key),
    )
    if (rule === undefined) return null
    rule.count--
    if (rule.count <= 0) this.rules = this.rules.filter((r) => r !== rule)
    return { ...rule }
  }
}
