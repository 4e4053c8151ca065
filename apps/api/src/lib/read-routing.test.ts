import { createPool, parseLsn, ReadReplica } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, login, postJson, TEST_HASH } from '../../test/helpers.ts'
import { createApp } from '../app.ts'
import { WROTE_AT_COOKIE } from './read-routing.ts'

// The last-write cookie, over a "replica" that is the test's own server (not a standby, so every
// read goes to the primary): which answers carry it. The routing itself is in the db package's
// replica-routing tests, and against a real standby in faults/replica.fault.ts.

let database: TestDatabase
let replica: ReadReplica
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  database = await createTestDatabase()
  replica = new ReadReplica(createPool(database.url, { max: 2 }), database.url, database.url, {
    maxLagMs: 10_000,
    onError: () => {},
  })
  app = createApp({
    db: database.db,
    replica,
    logger: pino({ level: 'silent' }),
    auth: { hash: TEST_HASH },
  })
})
afterAll(async () => {
  await replica.close()
  await database.drop()
})

// As set, URL-encoded ('0%2F23AC028'); as sent back by a browser, the same text.
const wroteAtRaw = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${WROTE_AT_COOKIE}=`))
    ?.split(';')[0]
    ?.slice(WROTE_AT_COOKIE.length + 1)
const wroteAt = (res: Response) => {
  const raw = wroteAtRaw(res)
  return raw === undefined ? undefined : decodeURIComponent(raw)
}

describe('the last-write cookie', () => {
  it('follows a person’s write: the primary’s WAL position, later for a later write', async () => {
    const { cookie, res: signedIn } = await login({ app }, await createUser(database.db, 'manager'))
    expect(wroteAt(signedIn)).toBeUndefined() // signing in changes nothing the dashboards read
    const first = await postJson(
      { app },
      '/api/v1/teams',
      { slug: 'rr-a', name: 'A' },
      { Cookie: cookie },
    )
    expect(first.status).toBe(201)
    const a = parseLsn(wroteAt(first))
    expect(a).not.toBeNull()
    expect(first.headers.getSetCookie().join()).toMatch(/HttpOnly/i)

    const second = await postJson(
      { app },
      '/api/v1/teams',
      { slug: 'rr-b', name: 'B' },
      {
        Cookie: `${cookie}; ${WROTE_AT_COOKIE}=${wroteAtRaw(first)}`,
      },
    )
    expect(parseLsn(wroteAt(second))! > a!).toBe(true)
  })

  it('is not set by a refused write, a preview or a read', async () => {
    const { cookie } = await login({ app }, await createUser(database.db, 'manager'))
    const refused = await postJson(
      { app },
      '/api/v1/teams',
      { slug: 'rr-a', name: 'again' },
      { Cookie: cookie },
    )
    expect(refused.status).toBe(409)
    expect(wroteAt(refused)).toBeUndefined()
    const preview = await postJson(
      { app },
      '/api/v1/projects/imports/actuals/preview',
      { csv: 'not,a\nknown,file' },
      { Cookie: cookie },
    )
    expect(preview.status).toBe(200)
    expect(wroteAt(preview)).toBeUndefined() // a preview writes nothing
    const read = await app.request('/api/v1/overview', { headers: { Cookie: cookie } })
    expect(read.status).toBe(200)
    expect(wroteAt(read)).toBeUndefined()
  })
})

describe('a forged last-write cookie', () => {
  it('is a read from the primary at worst, never an error', async () => {
    const { cookie } = await login({ app }, await createUser(database.db, 'viewer'))
    const forged = [
      'FFFFFFFF/FFFFFFFF',
      '0/0',
      'garbage',
      '%E0%A4%A',
      '1/2/3',
      `${'F'.repeat(4_000)}/1`,
      '-1/-1',
      '',
    ]
    for (const value of forged) {
      const res = await app.request('/api/v1/overview', {
        headers: { Cookie: `${cookie}; ${WROTE_AT_COOKIE}=${value}` },
      })
      expect(res.status, value).toBe(200)
    }
  })
})
