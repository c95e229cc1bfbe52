// Starts a private PostgreSQL 15 and, when redis-server is installed, a private Redis, for the whole test run; stops
// both by their own pid or data directory at the end. Their URLs reach the test files as TEST_POSTGRES_URL and
// TEST_REDIS_URL. Under CI a missing server fails the run (a skipped PostgreSQL test is a test that does not exist);
// outside CI the tests that need it say why they skip.
import { startPrivatePostgres } from './privatePostgres'
import { startPrivateRedis } from './privateRedis'

export default async function setup() {
  const stops: (() => void)[] = []
  try {
    const postgres = await startPrivatePostgres()
    process.env.TEST_POSTGRES_URL = postgres.url
    stops.push(() => postgres.stop())
  } catch (error) {
    if (process.env.CI) throw error
    console.warn(`PostgreSQL tests will skip: ${error instanceof Error ? error.message : error}`)
  }
  const redis = await startPrivateRedis()
  if (redis) {
    process.env.TEST_REDIS_URL = redis.url
    stops.push(() => redis.stop())
  } else if (process.env.CI)
    throw new Error('redis-server is not installed: apt-get install -y redis-server (.ci/run does).')
  return () => {
    for (const stop of stops.reverse()) stop()
  }
}
