import { afterAll, describe, expect, it } from 'vitest'
import { acquireSession, releaseSession } from '../data/sharedSession'
import { executeClickHouse } from './executeClickHouse'

const { session } = acquireSession()
afterAll(() => releaseSession())

describe('executeClickHouse', () => {
  it('answers the next query normally after one that failed while running', async () => {
    // chdb keeps the output a query wrote before failing and hands it out with the next query's result.
    await expect(executeClickHouse(session, 'SELECT throwIf(number = 5) FROM numbers(10)', 10)).rejects.toThrow()
    const next = await executeClickHouse(session, 'SELECT 3 AS x', 10)
    expect(next).toEqual({ meta: [{ name: 'x', type: 'UInt8' }], data: [[3]] })
  })
})
