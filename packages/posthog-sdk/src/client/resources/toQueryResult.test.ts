import { describe, expect, it } from 'vitest'
import { type ResultContext, toQueryResult } from './toQueryResult'

const context = (text: string, extract: ResultContext['extract'] = (x) => x): ResultContext => ({
  text,
  root: JSON.parse(text),
  extract,
  wideIntegers: 'string',
  query: 'q',
  queryId: null,
  elapsedMs: 5,
})
const run = (text: string, extract?: ResultContext['extract']) => {
  const ctx = context(text, extract)
  return toQueryResult(ctx.extract(ctx.root), ctx)
}

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
      error: {
        code: 'invalid_response',
        field: 'results.1',
        message: expect.stringContaining('1 values for 2 columns'),
      },
    })
    expect(run('{"results":[[1,2],{"a":1}],"columns":["a","b"]}')).toMatchObject({
      error: { code: 'invalid_response', field: 'results.1', message: expect.stringContaining('not an array') },
    })
    // A rounded wide integer before the bad row does not hide it (the exact re-read is checked again).
    expect(run('{"results":[[18446744073709551615,2],[3]],"types":[["a","UInt64"],["b","UInt8"]]}')).toMatchObject({
      error: { code: 'invalid_response', field: 'results.1' },
    })
  })

  it('flags the 50,000-row cap', () => {
    const rows = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => [i]))
    expect(run(`{"results":${rows},"columns":["i"],"hasMore":null}`)).toMatchObject({
      result: { truncation: { reason: 'row_cap', rowLimit: 50_000 } },
    })
  })

  it('falls back to re-reading the text when the value cannot be patched (integer-like keys)', () => {
    const text = '{"results":[[18446744073709551615]],"types":[["id","UInt64"]],"results::nan!":{"2":{"1":true}}}'
    expect(run(text)).toMatchObject({ result: { results: [['18446744073709551615']] } })
  })

  it('re-reads exactly the answer nested in an async status', () => {
    const text = '{"query_status":{"id":"x","results":{"results":[[18446744073709551615]],"types":[["id","UInt64"]]}}}'
    const ctx = context(text, (root) => (root as { query_status: { results: unknown } }).query_status.results)
    const outcome = toQueryResult(ctx.extract(ctx.root), ctx)
    expect(outcome).toMatchObject({ result: { results: [['18446744073709551615']] } })
  })
})
