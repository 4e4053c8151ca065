import { execFile } from 'node:child_process'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, setupApp, type TestApp } from '../../test/helpers.ts'
import { loginKeys } from './throttle.ts'
import { type UnlockAudit, unlockAccount } from './unlock-account.ts'

const NOW = new Date('2026-11-04T12:00:00Z')
let ctx: TestApp
beforeAll(async () => {
  ctx = await setupApp(NOW)
})
afterAll(() => ctx.drop())

// Failures on the account from two addresses, and one address's failures on another account.
async function failuresOn(email: string, otherEmail: string) {
  const a = loginKeys(email, '198.51.100.1')
  const b = loginKeys(email, '198.51.100.2')
  const other = loginKeys(otherEmail, '198.51.100.1')
  const rows = [a, a, b, other].flatMap((k) => [k.address, k.account, k.accountAddress])
  await ctx.db
    .insertInto('loginFailures')
    .values(rows.map((key) => ({ key, at: NOW })))
    .execute()
  return { a, other }
}
const keysLeft = async () =>
  (await ctx.db.selectFrom('loginFailures').select('key').execute()).map((r) => r.key)

describe('unlockAccount', () => {
  it('forgets the account’s failures from every address, and only those', async () => {
    const user = await createUser(ctx.db)
    const bystander = await createUser(ctx.db)
    const { a, other } = await failuresOn(user.email, bystander.email)
    const unlocked = await unlockAccount(
      ctx.db,
      { email: `  ${user.email.toUpperCase()} ` },
      { actor: { userId: null, tokenId: null }, at: NOW, requestId: null, via: 'cli' },
    )
    expect(unlocked).toEqual({ userId: user.id, email: user.email, cleared: 3 })
    const left = await keysLeft()
    expect(left.filter((k) => k === a.account || k === a.accountAddress)).toEqual([])
    // The bystander's failures and the addresses' own counters stay.
    expect(left).toContain(other.account)
    expect(left).toContain(other.accountAddress)
    expect(left.filter((k) => k === a.address)).toHaveLength(3)
    const audit = await ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'user')
      .where('entityId', '=', String(user.id))
      .execute()
    expect(audit).toMatchObject([
      {
        action: 'unlock',
        actorUserId: null,
        actorTokenId: null,
        changes: { failedSignIns: { from: 3, to: 0 }, via: 'cli' },
      },
    ])
  })

  it('answers undefined for an email with no account', async () => {
    const audit: UnlockAudit = {
      actor: { userId: null, tokenId: null },
      at: NOW,
      requestId: null,
      via: 'cli',
    }
    expect(await unlockAccount(ctx.db, { email: 'nobody@test.local' }, audit)).toBeUndefined()
  })
})

describe('pnpm account:unlock', () => {
  const cli = fileURLToPath(new URL('./unlock-cli.ts', import.meta.url))
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [cli, ...args], {
      cwd: tmpdir(),
      env: { ...process.env, DATABASE_URL: ctx.url },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    )

  it('unlocks an account by email, from the command line', async () => {
    const user = await createUser(ctx.db)
    const bystander = await createUser(ctx.db)
    const { a } = await failuresOn(user.email, bystander.email)
    const { code, stdout } = await run(user.email)
    expect(stdout.trim()).toBe(`${user.email}: unlocked (3 failed sign-ins forgotten)`)
    expect(code).toBe(0)
    expect((await keysLeft()).filter((k) => k === a.account)).toEqual([])
  })

  it('says so when there is no such account, or no email', async () => {
    const missing = await run('nobody@test.local')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no account with the email nobody@test.local')
    const usage = await run()
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('usage: pnpm account:unlock <email>')
  })
})
