import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
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
    const { pool, db } = setup()
    const answer = await db.connection().execute(async (conn) => {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(conn)
      await terminate(rows[0]!.pid)
      await new Promise((resolve) => setTimeout(resolve, 200))
      const again = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(conn)
      return { before: rows[0]!.pid, after: again.rows[0]!.pid }
    })
    expect(answer.after).not.toBe(answer.before)
    // The caller saw no failure: none is counted.
    expect(Object.values(pool.stats().errors)).toEqual([0, 0, 0, 0])
    await db.destroy()
  })

  it('never repeats a write: it fails as unavailable', async () => {
    const { pool, db } = setup()
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
    // Counted for /metrics once, as the caller saw it.
    expect(pool.stats().errors).toEqual({
      unavailable: 1,
      statementTimeout: 0,
      overloaded: 0,
      other: 0,
    })
    await db.destroy()
  })

  it('reads again even when every pooled connection was lost at once', async () => {
    const { db } = setup({ max: 2, connectionTimeoutMs: 2_000 })
    const read = () =>
      db.connection().execute(async (conn) => {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(conn)
        await terminate(rows[0]!.pid)
        await new Promise((resolve) => setTimeout(resolve, 200))
        return (await sql<{ one: number }>`SELECT 1 AS one`.execute(conn)).rows[0]?.one
      })
    const started = Date.now()
    expect(await Promise.all([read(), read()])).toEqual([1, 1])
    // The lost clients gave their places back before the new ones were opened: no wait for a
    // connection timeout.
    expect(Date.now() - started).toBeLessThan(1_500)
    await db.destroy()
  })

  it('never reads again inside a transaction, savepoints or not: the transaction fails', async () => {
    const { db } = setup()
    await sql`CREATE TABLE IF NOT EXISTS pool_test_rows (id int)`.execute(t.db)
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        await sql`INSERT INTO pool_test_rows VALUES (1)`.execute(trx)
        await sql`SAVEPOINT sp`.execute(trx)
        await sql`ROLLBACK TO SAVEPOINT sp`.execute(trx)
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)
        await terminate(rows[0]!.pid)
        await new Promise((resolve) => setTimeout(resolve, 200))
        await sql`SELECT count(*) FROM pool_test_rows`.execute(trx)
        await sql`INSERT INTO pool_test_rows VALUES (2)`.execute(trx)
      })
      .then(
        () => null,
        (err: unknown) => err,
      )
    expect(isDatabaseUnavailable(failure)).toBe(true)
    const { rows } = await sql<{ id: number }>`SELECT id FROM pool_test_rows`.execute(t.db)
    expect(rows).toEqual([])
    await db.destroy()
  })

  it('fails a transaction on a frozen server within one query deadline, not two', async () => {
    const { db } = setup({ queryTimeoutMs: 500, statementTimeoutMs: 10_000 })
    const started = Date.now()
    const failure = await db
      .transaction()
      .execute((trx) => sql`SELECT pg_sleep(3)`.execute(trx))
      .then(
        () => null,
        (err: unknown) => err,
      )
    expect(isDatabaseUnavailable(failure)).toBe(true)
    // The rollback is refused at once on the lost connection instead of queueing behind it.
    expect(Date.now() - started).toBeLessThan(900)
    await db.destroy()
  })

  it('turns back to up by itself when one connection is lost while the server is fine', async () => {
    const { db, changes } = setup()
    const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)
    await terminate(rows[0]!.pid) // the pooled, idle client hears of it
    await vi.waitFor(() => expect(changes.map((c) => c.status)).toEqual(['down', 'up']), {
      timeout: 5_000,
      interval: 50,
    })
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

  it('counts for /metrics the connections in use and idle, the queries waiting, and failures by kind', async () => {
    const { pool, db } = setup({ max: 1, queueTimeoutMs: 2_000, statementTimeoutMs: 100 })
    expect(pool.stats()).toMatchObject({ max: 1, inUse: 0, idle: 0, waiting: 0 })
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const holding = db.connection().execute(async (conn) => {
      await sql`SELECT 1`.execute(conn)
      await gate
    })
    await vi.waitFor(() => expect(pool.stats()).toMatchObject({ inUse: 1, idle: 0 }))
    // Nothing free: this one waits for a seat, then gives up as overload.
    const waiter = sql`SELECT 1`.execute(db).then(
      () => null,
      (err: unknown) => err,
    )
    await vi.waitFor(() => expect(pool.stats().waiting).toBe(1))
    expect(isPoolOverloaded(await waiter)).toBe(true)
    expect(pool.stats()).toMatchObject({ inUse: 1, waiting: 0 })
    release()
    await holding
    expect(pool.stats()).toMatchObject({ inUse: 0, idle: 1, waiting: 0 })

    await expect(sql`SELECT 1 / 0`.execute(db)).rejects.toThrow(/division by zero/)
    await expect(sql`SELECT pg_sleep(5)`.execute(db)).rejects.toThrow(/statement timeout/)
    expect(pool.stats().errors).toEqual({
      unavailable: 0,
      statementTimeout: 1,
      overloaded: 1,
      other: 1,
    })
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
