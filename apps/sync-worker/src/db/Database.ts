// The worker's one schema, the same on SQLite and PostgreSQL. Times are epoch milliseconds (bigint), JSON is text,
// booleans are 0/1 integers: the types both dialects store alike, so the stores above need no dialect branches.

/** A Statisfy organisation the worker syncs for. */
export interface TenantsTable {
  id: string
  name: string
  /** Activity tracking switch: 0 skips every query of the tenant without calling PostHog. */
  tracking_enabled: number
  /** SHA-256 (hex) of the tenant's bearer token for the worker's HTTP API (local use), or null for none. */
  token_hash: string | null
  /** The tenant's catalog (custom fields, object types, resolvers) as JSON; null for the worker's default. */
  catalog: string | null
  created_at: number
}

/** A tenant's PostHog connection; the key is sealed in `secrets`, only its hint here. */
export interface ConnectionsTable {
  tenant_id: string
  api_host: string
  project_id: number
  key_hint: string
  updated_at: string
}

/** Sealed secret blobs (AES-256-GCM, `createSealingSecretStore`), base64, by the store's slot name. */
export interface SecretsTable {
  slot: string
  sealed: string
}

/** Saved queries (the tenant's) and built-in queries (configured by support), as validated definitions. */
export interface QueriesTable {
  tenant_id: string
  /** `saved` or `built_in`. */
  source: string
  id: string
  /** The `QueryDefinition` as JSON. */
  definition: string
  enabled: number
  created_at: string
  updated_at: string
}

/** Per query: the watermark, the lease that keeps its runs one at a time, and the last slot the scheduler saw. */
export interface QueryStateTable {
  tenant_id: string
  query_id: string
  /** End of the last window whose rows are committed (never ahead of them). */
  watermark_ms: number | null
  /** The worker process holding the query, and the run it is working on. */
  lease_owner: string | null
  lease_run_id: string | null
  lease_expires_ms: number
  /** The newest schedule slot recorded in `slots`. */
  last_slot_ms: number | null
}

/** The schedule ledger: one row per (query, slot time), whatever happened to it. */
export interface SlotsTable {
  tenant_id: string
  query_id: string
  slot_ms: number
  /** `queued` | `running` | `succeeded` | `partial` | `failed` | `skipped` (a run already buffered) | `missed` | `collapsed`. */
  status: string
  /** The run that serves this slot (for `collapsed`: the run whose window covers it). */
  run_id: string | null
  /** How long after the slot its run got going: until its first PostHog request passed the key's limiter (or it started, without one). */
  delay_ms: number | null
  detail: string | null
  created_at: number
}

/** Runs: the audit records the handler serves (`record`), and what the worker needs to resume one. */
export interface RunsTable {
  id: string
  tenant_id: string
  query_id: string
  trigger: string
  /** 0 queued, 1 running, 2 finished: a save never moves it back. */
  stage: number
  /** Keyset order of the history: in-flight (0) before finished (1), then `sort_ms` newest first, then id. */
  sort_group: number
  sort_ms: number
  /** The last in-flight save (heartbeat), to refuse an older one. */
  updated_ms: number
  /** The `ApiRun` as JSON. */
  record: string
  /** The schedule slot it serves, if scheduled. */
  slot_ms: number | null
  backfill_id: string | null
  /** The window it reads `[start, end)`, fixed when it first starts, so a resumed run reads the same range. */
  window_start_ms: number | null
  window_end_ms: number | null
  /** Every row before this instant is committed (the last committed page's window end). */
  checkpoint_ms: number | null
  /** Counts and reasons of the pages committed by earlier attempts (JSON), merged into the final report. */
  committed: string | null
  attempts: number
  reject_count: number
}

export interface RunRejectsTable {
  run_id: string
  seq: number
  data: string
}

/** A backfill of one query over `[from, to)`, in chunks. */
export interface BackfillsTable {
  id: string
  tenant_id: string
  query_id: string
  from_ms: number
  to_ms: number
  /** `pending` | `running` | `succeeded` | `failed`. */
  status: string
  created_at: number
}

export interface BackfillChunksTable {
  backfill_id: string
  seq: number
  start_ms: number
  end_ms: number
  /** `pending` | `succeeded` | `partial` | `failed`. */
  status: string
  run_id: string | null
}

/** PostHog's per-key limits shared by every process: the pause after a 429, request starts, running requests. */
export interface RateLimitKeysTable {
  key_hash: string
  paused_until_ms: number
}
export interface RateLimitStartsTable {
  key_hash: string
  at_ms: number
}
export interface RateLimitSlotsTable {
  id: string
  key_hash: string
  /** A slot whose process died frees itself here. */
  expires_ms: number
}

/** The account directory the resolvers match against (ids, names, domains, CRM ids, custom fields as JSON). */
export interface AccountsTable {
  tenant_id: string
  id: string
  name: string
  domains: string
  crm_ids: string
  org_ids: string
  custom_fields: string
}

/** Imported product usage: upsert on (tenant, account, metric, timestamp). */
export interface ProductUsageTable {
  tenant_id: string
  account_id: string
  metric: string
  /** UTC ISO 8601 as the engine gives it (PostHog's microseconds kept). */
  ts: string
  ts_ms: number
  value: number
  query_id: string
  run_id: string
}

export interface CustomFieldValuesTable {
  tenant_id: string
  account_id: string
  field: string
  /** JSON value; null clears the field. */
  value: string
  query_id: string
  run_id: string
}

export interface CustomObjectRecordsTable {
  tenant_id: string
  object_type: string
  key: string
  account_id: string
  attributes: string
  query_id: string
  run_id: string
}

/** Every table of the worker's database. */
export interface Database {
  tenants: TenantsTable
  connections: ConnectionsTable
  secrets: SecretsTable
  queries: QueriesTable
  query_state: QueryStateTable
  slots: SlotsTable
  runs: RunsTable
  run_rejects: RunRejectsTable
  backfills: BackfillsTable
  backfill_chunks: BackfillChunksTable
  rate_limit_keys: RateLimitKeysTable
  rate_limit_starts: RateLimitStartsTable
  rate_limit_slots: RateLimitSlotsTable
  accounts: AccountsTable
  product_usage: ProductUsageTable
  custom_field_values: CustomFieldValuesTable
  custom_object_records: CustomObjectRecordsTable
}
