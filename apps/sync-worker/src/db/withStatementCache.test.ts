import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { withStatementCache } from './withStatementCache'

interface Db {
  t: { id: number; name: string }
}

function open(max?: number) {
  const sqlite = new SQLite(':memory:')
  const prepared: string[] = []
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((text: string) => {
    prepared.push(text)
    return prepare(text)
  }) as typeof sqlite.prepare
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, max) }) })
  return { db, prepared }
}

describe('withStatementCache', () => {
  it('prepares a statement once however often it runs, with each run its own parameters', async () => {
    const { db, prepared } = open()
    await sql`create table t (id integer primary key, name text)`.execute(db)
    for (let id = 1; id <= 5; id++)
      await db
        .insertInto('t')
        .values({ id, name: `n${id}` })
        .execute()
    const names = []
    for (let id = 1; id <= 5; id++)
      names.push((await db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst())?.name)
    expect(names).toEqual(['n1', 'n2', 'n3', 'n4', 'n5'])
    expect(prepared.filter((s) => s.startsWith('insert')).length).toBe(1)
    expect(prepared.filter((s) => s.startsWith('select')).length).toBe(1)
    await db.destroy()
  })

  it('keeps the most recently used statements up to its size, preparing evicted ones again', async () => {
    const { db, prepared } = open(2)
    await sql`create table t (id integer primary key, name text)`.execute(db)
    const byId = () => db.selectFrom('t').select('name').where('id', '=', 1).execute()
    const byName = () => db.selectFrom('t').select('id').where('name', '=', 'a').execute()
    const all = () => db.selectFrom('t').selectAll().execute()
    await byId()
    await byName()
    await byId() // used last: kept when `all` evicts `byName`
    await all()
    await byId()
    await byName()
    const selects = prepared.filter((s) => s.startsWith('select'))
    expect(selects.length).toBe(4)
    expect(selects.at(-1)).toContain('"name" = ?')
    await db.destroy()
  })

  it('prepares afresh while a statement of the same SQL is still iterating', () => {
    const sqlite = new SQLite(':memory:')
    sqlite.exec("create table t (id integer primary key, name text); insert into t values (1, 'a'), (2, 'b')")
    const cached = withStatementCache(sqlite)
    const text = 'select name from t order by id'
    const seen: unknown[] = []
    const outer = cached.prepare(text)
    for (const row of outer.iterate([])) {
      const inner = cached.prepare(text)
      expect(inner).not.toBe(outer)
      seen.push((row as { name: string }).name, inner.all([]).length)
    }
    expect(seen).toEqual(['a', 2, 'b', 2])
    sqlite.close()
  })
})
