import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupApp, TEST_HASH, type TestApp } from '../../test/helpers.ts'
import { DEMO_USERS, ensureDemoUsers, ensureFirstAdmin } from './bootstrap.ts'
import { verifyPassword } from './password.ts'

let ctx: TestApp
beforeAll(async () => {
  ctx = await setupApp()
})
afterAll(() => ctx.drop())

const users = () =>
  ctx.db.selectFrom('users').select(['email', 'role', 'passwordHash']).orderBy('id').execute()

describe('first start', () => {
  it('creates one admin with a made-up password, once, even when instances race', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => ensureFirstAdmin(ctx.db, { email: 'Root@Example.org', hash: TEST_HASH })),
    )
    const passwords = results.filter((p) => p !== undefined)
    expect(passwords).toHaveLength(1)
    expect(passwords[0]).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const rows = await users()
    expect(rows.map((u) => [u.email, u.role])).toEqual([['root@example.org', 'admin']])
    expect(await verifyPassword(rows[0]!.passwordHash, passwords[0]!)).toBe(true)
    expect(await ensureFirstAdmin(ctx.db, { email: 'x@y.z', hash: TEST_HASH })).toBeUndefined()
    const audit = await ctx.db.selectFrom('auditLog').selectAll().execute()
    expect(audit).toMatchObject([
      { entity: 'user', action: 'create', actorUserId: null, actorTokenId: null },
    ])
    expect(JSON.stringify(audit)).not.toContain(passwords[0])
  })

  it('adds the demo manager and viewer only while the database holds the demo', async () => {
    expect(await ensureDemoUsers(ctx.db, TEST_HASH)).toEqual([])
    await sql`UPDATE organisation_settings SET demo_data = true`.execute(ctx.db)
    expect(await ensureDemoUsers(ctx.db, TEST_HASH)).toEqual([
      'manager@demo.opsdeck.local',
      'viewer@demo.opsdeck.local',
    ])
    expect(await ensureDemoUsers(ctx.db, TEST_HASH)).toEqual([])
    const rows = await users()
    for (const demo of DEMO_USERS) {
      const row = rows.find((u) => u.email === demo.email)!
      expect(row.role).toBe(demo.role)
      expect(await verifyPassword(row.passwordHash, demo.password)).toBe(true)
    }
  })
})

describe('first start with OPSDECK_ADMIN_PASSWORD', () => {
  it('uses the given password and does not echo it', async () => {
    await ctx.db.deleteFrom('auditLog').execute()
    await ctx.db.deleteFrom('users').execute()
    const result = await ensureFirstAdmin(ctx.db, {
      email: 'admin@opsdeck.local',
      password: 'given-password-123',
      hash: TEST_HASH,
    })
    expect(result).toBe('')
    const [row] = await users()
    expect(await verifyPassword(row!.passwordHash, 'given-password-123')).toBe(true)
  })
})
