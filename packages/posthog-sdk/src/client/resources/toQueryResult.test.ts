import { describe, expect, it } from 'vitest'
import { type ResultContext, toQueryResult } from './toQueryResult'

const context = (text: string, extract: ResultContext['extract'] = (x) => x): ResultContext => ({
  text,
  extract,
  wideIntegers: 'string',
  query: 'q',
  queryId: null,
  elapsedMs: 5,
})
const run = (text: string, extract?: ResultContext['extract']) =>
  toQueryResult(JSON.parse(text), context(text, extract))

describe('toQueryResult', () => {
  it('accepts types as plain strings (other kinds, some versions) and ignores unknown keys', () => {
    const text =
      '{"results":[[1,"a"]],"columns":["n","s"],"types":["UInt64","String"],"modifiers":{"x":1},"newKey":true}'
    expect(run(text)).toMatchObject({
      result: { columns: ['n', 's'], types: ['UInt64', 'String'], results: [[1, 'a']] },
    })
  })

  it('takes column names from [name, type] pairs when columns are absent', () => {
    expect(run('{"results":[[1]],"types":[["c","UInt8"]]}')).toMatchObject({
      result: { columns: ['c'], types: ['UInt8'] },
    })
  })

  it('names the wrong field of an unexpected shape', () => {
    expect(run('{"columns":["a"]}')).toMatchObject({ error: { code: 'invalid_response', field: 'results' } })
    expect(run('{"results":[[1]],"columns":[1]}')).toMatchObject({
      error: { code: 'invalid_response', field: 'columns.0' },
    })
    expect(run('{"results":[[1,2],[3]],"columns":["a","b"]}')).toMatchObject({
      error: { code: 'invalid_response', field: 'results.1' },
    })
  })

  it('flags the 50,000-row cap', () => {
    const rows = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => [i]))
    expect(run(`{"results":${rows},"columns":["i"],"hasMore":null}`)).toMatchObject({
      result: { truncation: { reason: 'row_cap', rowLimit: 50_000 } },
    })
  })

  it('re-reads exactly the answer nested in an async status', () => {
    const text = '{"query_status":{"id":"x","results":{"results":[[18446744073709551615]],"types":[["id","UInt64"]]}}}'
    const body = JSON.parse(text) as { query_status: { results: unknown } }
    const outcome = toQueryResult(
      body.query_status.results,
      context(text, (parsed) => (parsed as typeof body).query_status.results),
    )
    expect(outcome).toMatchObject({ result: { results: [['18446744073709551615']] } })
  })
})
