import pg from 'pg'

/** Runs changes to one job scheduler one at a time across every process. */
export interface SchedulerLock {
  exclusively<T>(schedulerId: string, change: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * A lock per job scheduler for BullMQ's PostgreSQL backend. Its `add_job_scheduler` reads the scheduler's previous
 * job, then inserts the next one, without locking: two processes arming one query at the same moment (they all arm
 * every query when they start) each miss the other's job, and the second either fails ("job ID already exists",
 * cron) or adds a second pending job one interval later (`every`). A session advisory lock on the scheduler's id,
 * held around the call, makes them take turns. On Redis the same change is one Lua script, atomic already.
 */
export function createSchedulerLock(connection: { postgres: string } | { redis: string }): SchedulerLock {
  if (!('postgres' in connection)) return { exclusively: (_id, change) => change(), close: async () => {} }
  // Two connections are plenty: a process arms its queries one after another.
  const pool = new pg.Pool({ connectionString: connection.postgres, max: 2 })
  // An idle connection the server dropped must not crash the process; the next lock opens another. Nor one dropped
  // while a lock is held around a change: the unlock fails instead, and the session's lock went with it.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  return {
    async exclusively(schedulerId, change) {
      const client = await pool.connect()
      const key = `sync-worker:scheduler:${schedulerId}`
      try {
        await client.query('select pg_advisory_lock(hashtext($1))', [key])
        try {
          return await change()
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [key])
        }
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
