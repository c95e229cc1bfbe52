import { describe, expect, it } from 'vitest'
import { queuedRun, runningRun, runs } from '../../../test/fixtures'
import { uniqueRuns } from './uniqueRuns'

describe('uniqueRuns', () => {
  it('lists a run that finished between two pages once, at its first place, as finished', () => {
    const [first, second] = runs
    if (!first || !second) throw new Error('fixtures need two finished runs')
    const stillRunning = { ...runningRun, id: second.id }
    const pages = [[queuedRun, stillRunning, first], [second]]
    const listed = uniqueRuns(pages.flat())
    expect(listed.map((run) => [run.id, run.status])).toEqual([
      [queuedRun.id, 'queued'],
      [second.id, second.status],
      [first.id, first.status],
    ])
  })

  it('leaves runs listed once as they are', () => {
    expect(uniqueRuns([runningRun, ...runs])).toEqual([runningRun, ...runs])
  })
})
