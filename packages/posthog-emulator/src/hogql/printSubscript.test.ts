import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/startEmulator'
import { rowsOf, runHogQL } from '../testing/runHogQL'

// Subscripts print by the subscripted expression's type; every case runs on chdb against a hand-computed answer.
let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ size: 1_000, endDate: '2026-11-01' })
}, 120_000)
afterAll(async () => {
  await emu?.close()
})

describe('subscripts', () => {
  it.each([
    ["select splitByChar(',', 'a,b,c')[1], splitByChar(',', 'a,b,c')[-1]", [['a', 'c']]],
    ["select splitByString('::', 'x::y')[2], extractAll('a1b22', '\\\\d+')[-1]", [['y', '22']]],
    ['select [[1, 2], [3]][1][2], [[1, 2], [3]][-1][1]', [[2, 3]]],
    ["select (1, 'x').2, tuple(1, (2, 3)).2.1, tuple(1, (2, 3))[-1][-1]", [['x', 2, 3]]],
    ["select tuple(1, 'x')[2], tuple(7, 8)[-1]", [['x', 8]]],
    ["select splitByChar('-', '2024-05-01') as parts, parts[2], parts[-1]", [[['2024', '05', '01'], '05', '01']]],
    ["select p[3], p[-3] from (select splitByString('::', 'a::b::c') as p)", [['c', 'a']]],
    ["with t as (select splitByChar(',', 'x,y') as p) select t.p[-1] from t", [['y']]],
    ["with splitByChar(',', 'k,l') as parts select parts[2]", [['l']]],
    ["select map('a', 1, 'b', 2)['b']", [[2]]],
    ["select arrayZip([1, 2], ['a', 'b'])[2].2, arrayZip([1, 2], ['a', 'b']).2", [['b', ['a', 'b']]]],
    ['select arraySort(groupArray(number))[-1], groupArray(tuple(number, 1))[2].1 from numbers(5)', [[4, 1]]],
    ["select (select splitByChar(',', 'q,r'))[2]", [['r']]],
    ["select if(1 = 1, splitByChar(',', 'm,n'), [])[2]", [['n']]],
  ])('%s', async (query, expected) => {
    expect(await rowsOf(emu, query)).toEqual(expected)
  })

  it('folds a subscript on JSON into the property path, as PostHog does', async () => {
    const bracket = await rowsOf(emu, "select count() from events where properties['$browser'] = properties.$browser")
    const present = await rowsOf(emu, 'select count() from events where properties.$browser is not null')
    expect(bracket).toEqual(present)
    expect(Number(present[0]![0])).toBeGreaterThan(0)
  })

  it("refuses index 0 with PostHog's message", async () => {
    expect(await runHogQL(emu, 'select [1, 2][0]')).toMatchObject({
      ok: false,
      status: 400,
      detail: 'SQL indexes start from one, not from zero. E.g: array[1]',
    })
    expect(await runHogQL(emu, 'select (1, 2).0')).toMatchObject({ ok: false, status: 400 })
  })
})
