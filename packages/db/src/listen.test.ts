import { sql } from 'kysely'
import { afterAll, beforeAll, it } from 'vitest'
import { listen } from './listen.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

const until = async (done: () => boolean) => {
  const deadline = Date.now() + 20_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

it('hears NOTIFY on its channel only, once connected (and says so when it connects)', async () => {
  let heard = 0
  const listening = listen(database.url, 'opsdeck_test', () => (heard += 1))
  try {
    await until(() => heard === 1)
    await sql`SELECT pg_notify('another_channel', '')`.execute(database.db)
    await sql`SELECT pg_notify('opsdeck_test', '')`.execute(database.db)
    await until(() => heard === 2)
    await sql`SELECT pg_notify('opsdeck_test', '')`.execute(database.db)
    await until(() => heard === 3)
  } finally {
    await listening.stop()
  }
})

it('comes back after its connection is cut, and says so (what was sent meanwhile is missed)', async () => {
  let heard = 0
  const listening = listen(database.url, 'opsdeck_cut', () => (heard += 1))
  try {
    await until(() => heard === 1)
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'opsdeck-listen' AND query LIKE 'LISTEN "opsdeck_cut"%'`.execute(
      database.db,
    )
    await until(() => heard === 2)
    await sql`SELECT pg_notify('opsdeck_cut', '')`.execute(database.db)
    await until(() => heard === 3)
  } finally {
    await listening.stop()
  }
})
