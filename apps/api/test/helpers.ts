import type { Role, TokenScope } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import type { Kysely } from 'kysely'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import type { z } from 'zod'
import { createApp } from '../src/app.ts'
import type { AuthConfig } from '../src/auth/config.ts'
import { hashPassword } from '../src/auth/password.ts'
import { insertToken } from '../src/tokens/queries.ts'
import { insertUser, updateUser } from '../src/users/queries.ts'

// argon2id at a test cost: the same algorithm and code path, milliseconds instead of tens of them.
export const TEST_HASH = { memoryCost: 1024, timeCost: 1, parallelism: 1 }

/** The app over a database of the test file's own, with a clock the test can move. */
export async function setupApp(now = new Date(), auth: Partial<AuthConfig> = {}) {
  const database: TestDatabase = await createTestDatabase()
  const clock = { now }
  const app = createApp({
    db: database.db,
    logger: pino({ level: 'silent' }),
    clock: () => clock.now,
    auth: { hash: TEST_HASH, ...auth },
  })
  return { app, db: database.db, url: database.url, drop: database.drop, clock }
}

export type TestApp = Awaited<ReturnType<typeof setupApp>>

/**
 * setupApp for a whole test file whose clock starts every test at `start`: registers the file's
 * hooks and returns the app (usable once the file's tests run).
 */
export function useClockedApp(start: Date): TestApp {
  let ctx: TestApp | undefined
  beforeAll(async () => {
    ctx = await setupApp(start)
  })
  beforeEach(() => {
    current().clock.now = start
  })
  afterAll(() => current().drop())
  const current = () => {
    if (!ctx) throw new Error('the test app is made in beforeAll')
    return ctx
  }
  return {
    get app() {
      return current().app
    },
    get db() {
      return current().db
    },
    get url() {
      return current().url
    },
    get clock() {
      return current().clock
    },
    drop: () => current().drop(),
  }
}

let seq = 0

export interface TestUser {
  id: number
  email: string
  name: string
  role: Role
  password: string
}

/** A user with a known password; each call makes a new one. */
export async function createUser(
  db: Kysely<Database>,
  role: Role = 'viewer',
  opts: { email?: string; password?: string; disabled?: boolean } = {},
): Promise<TestUser> {
  seq += 1
  const email = opts.email ?? `${role}-${seq}-${process.pid}@test.opsdeck.local`
  const password = opts.password ?? `password-${seq}-long-enough`
  const passwordHash = await hashPassword(password, TEST_HASH)
  const now = new Date()
  const row = await insertUser(db, { email, name: `${role} ${seq}`, role, passwordHash, now })
  if (!row) throw new Error(`the email ${email} is taken`)
  if (opts.disabled) await updateUser(db, row.id, { disabledAt: now })
  return { id: row.id, email: row.email, name: row.name, role: row.role, password }
}

// What a browser sends with an unsafe request from the opsdeck page itself.
export const SAME_ORIGIN = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' }

/** `opsdeck_session=…` from a response's Set-Cookie, as a browser would send it back. */
export function sessionCookieOf(res: Response): string {
  const cookie = res.headers.get('set-cookie')?.match(/opsdeck_session=[^;]*/)?.[0]
  if (!cookie) throw new Error(`no session cookie (status ${res.status})`)
  return cookie
}

export function postJson(
  ctx: Pick<TestApp, 'app'>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
) {
  return ctx.app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN, ...headers },
    body: JSON.stringify(body),
  })
}

export async function login(ctx: Pick<TestApp, 'app'>, user: Pick<TestUser, 'email' | 'password'>) {
  const res = await postJson(ctx, '/api/v1/auth/login', {
    email: user.email,
    password: user.password,
  })
  return { user, cookie: sessionCookieOf(res), res }
}

/** A new user of the role, signed in through the login route; `cookie` goes in a Cookie header. */
export async function loginAs(ctx: Pick<TestApp, 'app' | 'db'>, role: Role = 'viewer') {
  const user = await createUser(ctx.db, role)
  const { cookie } = await login(ctx, user)
  return { user, cookie, headers: { Cookie: cookie } }
}

/** A new API token with the scopes; `headers` carries it as a bearer token. */
export async function createToken(db: Kysely<Database>, scopes: TokenScope[]) {
  const owner = await createUser(db, 'admin')
  seq += 1
  const t = await insertToken(db, {
    name: `token ${seq}`,
    scopes,
    createdByUserId: owner.id,
    now: new Date(),
  })
  return { ...t, headers: { Authorization: `Bearer ${t.token}` } }
}

/**
 * A response body as its route's schema reads it (see lib/openapi.ts): the test fails, naming
 * each mismatch, when the body is not what the OpenAPI document says.
 */
export function expectMatches<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body)
  expect(result.error?.issues ?? [], JSON.stringify(body)).toEqual([])
  return result.data as z.output<S>
}
