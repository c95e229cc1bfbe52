import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { productUsageQuery } from '../../src/testing/index'
import { inFlightRunFixture, rejectsFixture, runFixture } from './fixtures'
import { type Harness, startHarness } from './harness'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
  const acme = h.client('acme')
  await acme.saveConnection({
    apiHost: h.emulator.url,
    projectId: h.emulator.projectId,
    personalApiKey: h.emulator.keys.full,
  })
  await acme.saveQuery(productUsageQuery({ id: 'acme-usage' }))
  await h.runs.save('acme', runFixture({ id: 'acme-run', queryId: 'acme-usage', startedAt: '2026-04-01T00:00:00Z' }))
  await h.runs.addRejects('acme', 'acme-run', rejectsFixture(3))
})
afterAll(async () => {
  await h.close()
})

describe('tenant isolation', () => {
  it("does not show one tenant's connection to another, nor use it", async () => {
    const globex = h.client('globex')
    expect(await globex.getConnection()).toBeNull()
    await expect(globex.getSchema()).rejects.toMatchObject({ status: 404, code: 'connection_not_found' })
    await expect(globex.preview({ hogql: 'select 1' })).rejects.toMatchObject({
      status: 404,
      code: 'connection_not_found',
    })
    await expect(globex.testConnection()).rejects.toMatchObject({
      status: 400,
      issues: expect.arrayContaining([{ path: 'personalApiKey', message: expect.any(String) }]),
    })
  })

  it("answers 404 for another tenant's query on every query route", async () => {
    const globex = h.client('globex')
    expect(await globex.listQueries()).toEqual([])
    await expect(globex.getQuery('acme-usage')).rejects.toMatchObject({ status: 404, code: 'query_not_found' })
    await expect(globex.setQueryEnabled('acme-usage', false)).rejects.toMatchObject({ status: 404 })
    await expect(globex.runQuery('acme-usage')).rejects.toMatchObject({ status: 404 })
    await expect(globex.deleteQuery('acme-usage')).rejects.toMatchObject({ status: 404 })
    expect((await h.client('acme').getQuery('acme-usage')).definition.enabled).toBe(true)
  })

  it("answers 404 for another tenant's runs and rejects", async () => {
    const globex = h.client('globex')
    expect((await globex.listRuns()).runs).toEqual([])
    expect((await globex.listRuns({ queryId: 'acme-usage' })).runs).toEqual([])
    await expect(globex.getRun('acme-run')).rejects.toMatchObject({ status: 404, code: 'run_not_found' })
    await expect(globex.listRunRejects('acme-run')).rejects.toMatchObject({ status: 404 })
    await expect(globex.getRunRejectsCsv('acme-run')).rejects.toMatchObject({ status: 404 })
  })

  it("does not show another tenant's run in flight, nor let a same-id run of its own touch it", async () => {
    const running = inFlightRunFixture({ id: 'acme-live', queryId: 'acme-usage', queuedAt: '2026-04-02T00:00:00Z' })
    await h.runs.save('acme', running)
    await h.runs.addRejects('acme', 'acme-live', rejectsFixture(2))
    const globex = h.client('globex')
    await expect(globex.getRun('acme-live')).rejects.toMatchObject({ status: 404, code: 'run_not_found' })
    await expect(globex.listRunRejects('acme-live')).rejects.toMatchObject({ status: 404 })
    expect((await globex.listRuns()).runs.map((run) => run.id)).not.toContain('acme-live')
    await h.runs.save(
      'globex',
      runFixture({ id: 'acme-live', queryId: 'acme-usage', startedAt: '2026-04-03T00:00:00Z' }),
    )
    // Served as it was saved (stalled or not by the server's clock: this test's run is from April).
    expect(await h.client('acme').getRun('acme-live')).toEqual({ ...running, stalled: expect.any(Boolean) })
    expect((await h.client('acme').listRuns()).runs.map((run) => run.id)).toEqual(['acme-live', 'acme-run'])
  })

  it('lets a tenant save a query with the same id without touching the other', async () => {
    await h.client('globex').saveQuery(productUsageQuery({ id: 'acme-usage', name: 'Globex copy' }))
    expect((await h.client('acme').getQuery('acme-usage')).definition.name).not.toBe('Globex copy')
    await h.client('globex').deleteQuery('acme-usage')
    expect((await h.client('acme').getQuery('acme-usage')).definition.id).toBe('acme-usage')
  })

  it("keeps each tenant's deleting to itself", async () => {
    await h.client('globex').deleteConnection()
    expect(await h.client('acme').getConnection()).not.toBeNull()
    expect((await h.client('acme').testConnection()).project?.id).toBe(h.emulator.projectId)
  })
})
