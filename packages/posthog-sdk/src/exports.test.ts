// Guards the public surface of each entry point: a change to what a host can import must show up in review as a
// change to the snapshot (`vitest -u`), never by accident.
import { describe, expect, it } from 'vitest'
import * as api from './api/index'
import * as client from './client/index'
import * as config from './config/index'
import * as errors from './errors/index'
import * as root from './index'
import * as mapping from './mapping/index'
import * as resolve from './resolve/index'
import * as schedule from './schedule/index'
import * as sync from './sync/index'
import * as testing from './testing/index'

const areas = { api, client, config, errors, mapping, resolve, schedule, sync }

describe('@statisfy/posthog-sdk exports', () => {
  it('the root entry is exactly the areas’ barrels, with no name exported by two areas', () => {
    const owners = new Map<string, string[]>()
    for (const [area, exports] of Object.entries(areas)) {
      for (const name of Object.keys(exports)) owners.set(name, [...(owners.get(name) ?? []), area])
    }
    const clashes = [...owners].filter(([, by]) => by.length > 1)
    expect(clashes).toEqual([])
    expect(Object.keys(root).sort()).toEqual([...owners.keys()].sort())
  })

  it('the root entry exports the documented runtime names', () => {
    expect(Object.keys(root).sort()).toMatchSnapshot()
  })

  it('@statisfy/posthog-sdk/testing exports the documented runtime names', () => {
    expect(Object.keys(testing).sort()).toMatchSnapshot()
  })
})
