import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import pino from 'pino'
import { createApp } from '../src/app.ts'

/** The app over a database of the test file's own, with a fixed clock. */
export async function setupApp(now = new Date()) {
  const database: TestDatabase = await createTestDatabase()
  const app = createApp({ db: database.db, logger: pino({ level: 'silent' }), clock: () => now })
  return { app, db: database.db, drop: database.drop }
}
