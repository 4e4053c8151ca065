import { createServer } from 'node:net'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPool } from './connect.ts'
import type { GuardedPool } from './pool.ts'
import { ReadReplica, type ReplicaChange } from './replica.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

// The replica's plumbing against one real server; a real streaming replica is in the fault suite
// (apps/api/faults/replica.fault.ts). Here: what happens when the "replica" is not one.

let t: TestDatabase
let primary: GuardedPool
beforeAll(async () => {
  t = await createTestDatabase()
  primary = createPool(t.url, { max: 2, onError: () => {} })
})
afterAll(async () => {
  await primary.end()
  await t.drop()
})

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function replicaAt(url: string) {
  const changes: ReplicaChange[] = []
  const replica = new ReadReplica(primary, t.url, url, {
    maxLagMs: 10_000,
    onError: () => {},
    onChange: (c) => changes.push(c),
  })
  return { replica, changes }
}

describe('a read replica', () => {
  it('is not used when it does not answer, and its reads are served by the primary', async () => {
    const dead = new URL(t.url)
    dead.port = String(await closedPort())
    const { replica, changes } = replicaAt(dead.toString())
    try {
      expect(await replica.checkNow()).toBe('primary')
      expect(changes).toEqual([
        { status: 'not-used', reason: expect.stringMatching(/does not answer/) as string },
      ])
      // A read sent to it anyway (picked before it died) comes back from the primary.
      const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(
        replica.db,
      )
      expect(rows[0]?.db).toBe(new URL(t.url).pathname.slice(1))
      expect(replica.pick(null)).toBe('primary')
    } finally {
      await replica.close()
    }
  })

  it('is not used when it is not a standby (a promoted replica, or the primary by mistake)', async () => {
    const { replica, changes } = replicaAt(t.url)
    try {
      expect(await replica.checkNow()).toBe('primary')
      expect(changes).toEqual([
        { status: 'not-used', reason: expect.stringMatching(/not a standby/) as string },
      ])
    } finally {
      await replica.close()
    }
  })

  it('reads the primary’s WAL position after a write: later writes are further on', async () => {
    const { replica } = replicaAt(t.url)
    try {
      const before = await replica.primaryLsn()
      await sql`CREATE TABLE replica_marker_probe (id int)`.execute(t.db)
      await sql`INSERT INTO replica_marker_probe VALUES (1)`.execute(t.db)
      const after = await replica.primaryLsn()
      expect(before).not.toBeNull()
      expect(after! > before!).toBe(true)
    } finally {
      await replica.close()
    }
  })
})
