import type { QueryDefinition } from '../config/index'
import type { AccountLookup } from './AccountMatcher'
import { RunRecorder, skippedReport } from './RunRecorder'
import { type RunReport, RunStatus, SkipReason } from './RunReport'
import { accountLookup, runSync } from './runSync'
import type { SyncOptions } from './SyncOptions'
import type { SyncClock, SyncPorts, SyncWindow } from './SyncPorts'
import { toRunError } from './toRunError'

/** A tenant's PostHog configuration as the worker sees it. */
export interface TenantSyncPlan {
  tenantId: string
  /** Activity tracking switch: when `false` nothing runs and PostHog is never called. */
  trackingEnabled: boolean
  /** Queries the tenant saved (enabled or not). Any saved query, even a disabled one, means built-ins do not run. */
  savedQueries: readonly QueryDefinition[]
  /** Queries support configured for the tenant; they run only when `savedQueries` is empty. */
  builtInQueries?: readonly QueryDefinition[]
}

/** Which set of queries a tenant run used. */
export type TenantQuerySource = 'saved' | 'built_in' | 'none'

/** The outcome of {@link runTenant}: one report per query considered, in the plan's order. */
export interface TenantRunReport {
  tenantId: string
  source: TenantQuerySource
  reports: RunReport[]
}

/** Options of {@link runTenant}: those of {@link runSync} (window aside) and a window per query. */
export interface TenantSyncOptions extends Omit<SyncOptions, 'window'> {
  /** The window for each query (its incremental window from its watermark), or `undefined` for none. */
  windowFor?: (definition: QueryDefinition) => SyncWindow | undefined
}

const systemClock: SyncClock = { now: () => Date.now() }

/**
 * Runs a tenant's queries one after another with per-query isolation (a failing query is reported `failed` and the
 * next one runs), following the product rules:
 * - activity tracking disabled: every query is reported `skipped` (`tracking_disabled`); no PostHog call, no
 *   directory read;
 * - saved queries win; built-in queries run only when the tenant has saved none;
 * - disabled queries are reported `skipped` (`query_disabled`).
 * The account index is built once for the tenant (for every resolver its queries use) unless `ports.accounts` is given.
 * @example
 * const { reports } = await runTenant(plan, { client, sink, catalog, directory }, { windowFor: (q) => windows[q.id] })
 */
export async function runTenant(
  plan: TenantSyncPlan,
  ports: SyncPorts,
  options: TenantSyncOptions = {},
): Promise<TenantRunReport> {
  const clock = ports.clock ?? systemClock
  const source: TenantQuerySource =
    plan.savedQueries.length > 0 ? 'saved' : (plan.builtInQueries?.length ?? 0) > 0 ? 'built_in' : 'none'
  const queries = source === 'saved' ? plan.savedQueries : source === 'built_in' ? (plan.builtInQueries ?? []) : []
  const { windowFor, ...syncOptions } = options
  const windowOf = (q: QueryDefinition) => windowFor?.(q)

  if (!plan.trackingEnabled) {
    return {
      tenantId: plan.tenantId,
      source,
      reports: queries.map((q) => skippedReport(q, SkipReason.TrackingDisabled, clock, windowOf(q))),
    }
  }
  const enabled = queries.filter((q) => q.enabled)
  let accounts: AccountLookup | Error | undefined
  if (enabled.length > 0) {
    try {
      const resolvers = enabled.map((q) => q.mapping.account.resolver)
      accounts = await accountLookup(ports, resolvers, undefined, options.signal)
    } catch (error) {
      accounts = error instanceof Error ? error : new Error(String(error))
    }
  }
  const reports: RunReport[] = []
  for (const query of queries) {
    const window = windowOf(query)
    if (!query.enabled) {
      reports.push(skippedReport(query, SkipReason.QueryDisabled, clock, window))
    } else if (accounts instanceof Error || accounts === undefined) {
      // Without the directory no row can be resolved: each query fails with the directory's error.
      const recorder = new RunRecorder(query, clock, window, syncOptions.dryRun ?? false, syncOptions.onProgress)
      reports.push(recorder.finish(RunStatus.Failed, { error: toRunError(accounts, options.signal) }))
    } else {
      reports.push(
        await runSync(
          query,
          { ...ports, accounts, directory: undefined },
          { ...syncOptions, ...(window ? { window } : {}) },
        ),
      )
    }
  }
  return { tenantId: plan.tenantId, source, reports }
}
