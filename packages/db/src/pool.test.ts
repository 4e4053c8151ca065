import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPool, kyselyOver } from './connect.ts'
import { isDatabaseUnavailable, isPoolOverloaded, PoolOverloadedError } from './db-errors.ts'
import type { DatabaseStatusChange } from './pool.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

// The pool over a real server: sessions terminated by the server (as a restart does), a full
// pool, and the outage state the app logs.

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

const terminate = (pid: number) => sql`SELECT pg_terminate_backend(${pid})`.execute(t.db)

function setup(opts: Parameters<typeof createPool>[1] = {}) {
  const changes: DatabaseStatusChange[] = []
  const errors: Error[] = []
  const pool = createPool(t.url, {
    max: 2,
    onStatus: (c) => changes.push(c),
    onError: (e) => errors.push(e),
    ...opts,
  })
  return { pool, db: kyselyOver(pool), changes, errors }
}

describe('the guarded pool', () => {
  it('survives the server ending a session between two queries of a transaction', async () => {
    const { db, changes, errors } = setup()
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)
        await terminate(rows[0]!.pid)
        // The checked-out client hears of it while idle: without its own 'error' listener this
        // event would end the process.
        await new Promise((resolve) => setTimeout(resolve, 200))
        await sql`SELECT 1`.execute(trx)
      })
      .then(
        () => null,
        (err: unknown) => err,
      )
    expect(isDatabaseUnavailable(failure)).toBe(true)
    expect(errors.some((e) => /terminat/i.test(e.message))).toBe(true)
    expect(changes[0]?.status).toBe('down')
    // The broken client was dropped: the next query gets a new connection and works.
    const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(db)
    expect(rows[0]?.one).toBe(1)
    expect(changes.at(-1)?.status).toBe('up')
    await db.destroy()
  })

  it('sends a read again on a new connection when the server ended its session', async () => {
    const { db } = setup()
    const answer = await db.connection().execute(async (conn) => {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(conn)
      await terminate(rows[0]!.pid)
      await new Promise((resolve) => setTimeout(resolve, 200))
      const again = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(conn)
      return { before: rows[0]!.pid, after: again.rows[0]!.pid }
    })
    expect(answer.after).not.toBe(answer.before)
    await db.destroy()
  })

  it('never repeats a write: it fails as unavailable', async () => {
    const { db } = setup()
    const failure = await db
      .connection()
      .execute(async (conn) => {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(conn)
        await terminate(rows[0]!.pid)
        await new Promise((resolve) => setTimeout(resolve, 200))
        await sql`UPDATE organisation_settings SET updated_at = updated_at`.execute(conn)
      })
      .then(
        () => null,
        (err: unknown) => err,
      )
    expect(isDatabaseUnavailable(failure)).toBe(true)
    await db.destroy()
  })

  it('reports a full pool as overload once the queue deadline passes, not as an outage', async () => {
    const { db, changes } = setup({ max: 1, queueTimeoutMs: 100 })
    const holding = sql`SELECT pg_sleep(1)`.execute(db)
    const started = Date.now()
    const failure = await sql`SELECT 1`.execute(db).then(
      () => null,
      (err: unknown) => err,
    )
    expect(isPoolOverloaded(failure)).toBe(true)
    expect(failure).toBeInstanceOf(PoolOverloadedError)
    expect(isDatabaseUnavailable(failure)).toBe(false)
    expect(Date.now() - started).toBeLessThan(1_000)
    await holding
    expect(changes).toEqual([])
    // The seat came back: the pool serves again.
    await expect(sql`SELECT 1`.execute(db)).resolves.toBeDefined()
    await db.destroy()
  })

  it('pings the server on a connection of its own, even when every seat is taken', async () => {
    const { pool, db } = setup({ max: 1 })
    const holding = sql`SELECT pg_sleep(0.5)`.execute(db)
    await expect(pool.ping(2_000)).resolves.toBeUndefined()
    await holding
    await db.destroy()
  })
})
