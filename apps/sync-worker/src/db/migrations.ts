import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import type { Database } from './Database'

// One set of migrations for both dialects: only types SQLite and PostgreSQL read alike (text, bigint, double
// precision, integer). Add a migration for every change; never edit one that has shipped.
const migrations: Record<string, Migration> = {
  '2026-12-06-001-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tenants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('tracking_enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('token_hash', 'text')
        .addColumn('catalog', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('connections')
        .addColumn('tenant_id', 'text', (c) => c.primaryKey())
        .addColumn('api_host', 'text', (c) => c.notNull())
        .addColumn('project_id', 'bigint', (c) => c.notNull())
        .addColumn('key_hint', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('secrets')
        .addColumn('slot', 'text', (c) => c.primaryKey())
        .addColumn('sealed', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('queries')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('queries_pk', ['tenant_id', 'source', 'id'])
        .execute()
      await db.schema
        .createTable('query_state')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('watermark_ms', 'bigint')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_run_id', 'text')
        .addColumn('lease_expires_ms', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_slot_ms', 'bigint')
        .addPrimaryKeyConstraint('query_state_pk', ['tenant_id', 'query_id'])
        .execute()
      await db.schema
        .createTable('slots')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('slot_ms', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text')
        .addColumn('delay_ms', 'bigint')
        .addColumn('detail', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        // One row per slot: however many processes see a tick, only one insert wins.
        .addPrimaryKeyConstraint('slots_pk', ['tenant_id', 'query_id', 'slot_ms'])
        .execute()
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('stage', 'integer', (c) => c.notNull())
        .addColumn('sort_group', 'integer', (c) => c.notNull())
        .addColumn('sort_ms', 'bigint', (c) => c.notNull())
        .addColumn('updated_ms', 'bigint', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('slot_ms', 'bigint')
        .addColumn('backfill_id', 'text')
        .addColumn('window_start_ms', 'bigint')
        .addColumn('window_end_ms', 'bigint')
        .addColumn('checkpoint_ms', 'bigint')
        .addColumn('committed', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reject_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute()
      await db.schema
        .createIndex('runs_history')
        .on('runs')
        .columns(['tenant_id', 'sort_group', 'sort_ms', 'id'])
        .execute()
      await db.schema.createIndex('runs_by_query').on('runs').columns(['tenant_id', 'query_id', 'stage']).execute()
      await db.schema
        .createTable('run_rejects')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('run_rejects_pk', ['run_id', 'seq'])
        .execute()
      await db.schema
        .createTable('backfills')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('from_ms', 'bigint', (c) => c.notNull())
        .addColumn('to_ms', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('backfill_chunks')
        .addColumn('backfill_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('start_ms', 'bigint', (c) => c.notNull())
        .addColumn('end_ms', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text')
        .addPrimaryKeyConstraint('backfill_chunks_pk', ['backfill_id', 'seq'])
        .execute()
      await db.schema
        .createTable('rate_limit_keys')
        .addColumn('key_hash', 'text', (c) => c.primaryKey())
        .addColumn('paused_until_ms', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute()
      await db.schema
        .createTable('rate_limit_starts')
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('at_ms', 'bigint', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('rate_limit_starts_by_key')
        .on('rate_limit_starts')
        .columns(['key_hash', 'at_ms'])
        .execute()
      await db.schema
        .createTable('rate_limit_slots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('expires_ms', 'bigint', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('accounts')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('domains', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('crm_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('org_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
        .addPrimaryKeyConstraint('accounts_pk', ['tenant_id', 'id'])
        .execute()
      await db.schema
        .createTable('product_usage')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('ts', 'text', (c) => c.notNull())
        .addColumn('ts_ms', 'bigint', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('product_usage_pk', ['tenant_id', 'account_id', 'metric', 'ts'])
        .execute()
      await db.schema
        .createTable('custom_field_values')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('custom_field_values_pk', ['tenant_id', 'account_id', 'field'])
        .execute()
      await db.schema
        .createTable('custom_object_records')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('object_type', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('attributes', 'text', (c) => c.notNull())
        .addColumn('query_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('custom_object_records_pk', ['tenant_id', 'object_type', 'key'])
        .execute()
    },
  },
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/**
 * Brings the database to the latest schema (run on start and by `sync-worker migrate`). Safe to run from several
 * processes at once: Kysely's migrator takes a lock table. Throws with the failing migration's name and cause.
 */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest()
  const failed = results.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(
      `Migrating the sync worker's database failed${failed ? ` at ${failed.migrationName}` : ''}: ${
        error instanceof Error ? error.message : String(error)
      }. Check that the database is reachable and the user may create tables.`,
      { cause: error },
    )
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Drops nothing, checks the database answers: for `/readyz`. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db)
}
