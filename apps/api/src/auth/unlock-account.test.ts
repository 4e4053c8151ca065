import { execFile } from 'node:child_process'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, setupApp, type TestApp } from '../../test/helpers.ts'
import { deviceKey, loginKeys } from './login-keys.ts'
import { type UnlockAudit, unlockAccount, unlockEveryone } from './unlock-account.ts'

const NOW = new Date('2026-11-04T12:00:00Z')
let ctx: TestApp
beforeAll(async () => {
  ctx = await setupApp(NOW)
})
afterAll(() => ctx.drop())

let nextNet = 0
// Failures on the account from two addresses, and those addresses' failures on another account,
// and a third address's that never tried the account.
async function failuresOn(email: string, otherEmail: string) {
  const net = `198.51.${++nextNet}`
  const a = loginKeys(email, `${net}.1`)
  const b = loginKeys(email, `${net}.2`)
  const other = loginKeys(otherEmail, `${net}.1`)
  const elsewhere = loginKeys(otherEmail, `${net}.3`)
  const rows = [a, a, b, other, elsewhere].flatMap((k) => [k.address, k.account, k.accountAddress])
  await ctx.db
    .insertInto('loginFailures')
    .values(rows.map((key) => ({ key, at: NOW })))
    .execute()
  return { a, b, other, elsewhere }
}
const keysLeft = async () =>
  (await ctx.db.selectFrom('loginFailures').select('key').execute()).map((r) => r.key)

describe('unlockAccount', () => {
  it('forgets the account’s failures from every address and device, and the address-wide failures of those addresses', async () => {
    const user = await createUser(ctx.db)
    const bystander = await createUser(ctx.db)
    const { a, b, other, elsewhere } = await failuresOn(user.email, bystander.email)
    const device = Buffer.alloc(32, user.id)
    await ctx.db.insertInto('loginDevices').values({ tokenHash: device, userId: user.id }).execute()
    await ctx.db
      .insertInto('loginFailures')
      .values({ key: deviceKey(device), at: NOW })
      .execute()
    const unlocked = await unlockAccount(
      ctx.db,
      { email: `  ${user.email.toUpperCase()} ` },
      { actor: { userId: null, tokenId: null }, at: NOW, requestId: null, via: 'cli' },
    )
    expect(unlocked).toEqual({ userId: user.id, email: user.email, cleared: 4, addresses: 2 })
    const left = await keysLeft()
    const gone = [a.account, a.accountAddress, b.accountAddress, deviceKey(device)]
    expect(left.filter((k) => gone.includes(k))).toEqual([])
    // The addresses that failed on the account may be what holds its owner back: forgotten too.
    expect(left.filter((k) => k === a.address || k === b.address)).toEqual([])
    // The bystander's own failures stay, and so does an address that never tried the account.
    expect(left).toContain(other.account)
    expect(left).toContain(other.accountAddress)
    expect(left.filter((k) => k === elsewhere.address)).toHaveLength(1)
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
        changes: { failedSignIns: { from: 4, to: 0 }, addressesCleared: 2, via: 'cli' },
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

describe('unlockEveryone', () => {
  it('forgets every failure on record, and audits how many', async () => {
    const user = await createUser(ctx.db)
    const bystander = await createUser(ctx.db)
    await failuresOn(user.email, bystander.email)
    // 5 failed sign-ins (one `account:` row each), and whatever other files left behind.
    const before = await ctx.db
      .selectFrom('loginFailures')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('key', 'like', 'account:%')
      .executeTakeFirstOrThrow()
    const at = new Date(NOW.getTime() + 1000)
    const cleared = await unlockEveryone(ctx.db, {
      actor: { userId: null, tokenId: null },
      at,
      requestId: null,
      via: 'cli',
    })
    expect(cleared).toBe(Number(before.n))
    expect(cleared).toBeGreaterThanOrEqual(5)
    expect(await keysLeft()).toEqual([])
    const audit = await ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'unlock_all')
      .where('at', '=', at)
      .execute()
    expect(audit).toMatchObject([
      { entity: 'auth', actorUserId: null, changes: { failedSignIns: { from: cleared, to: 0 } } },
    ])
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
    expect(stdout.trim()).toBe(
      `${user.email}: unlocked (3 failed sign-ins forgotten, 2 addresses cleared)`,
    )
    expect(code).toBe(0)
    expect((await keysLeft()).filter((k) => k === a.account || k === a.address)).toEqual([])
  })

  it('with --all, forgets every failed sign-in', async () => {
    const user = await createUser(ctx.db)
    const bystander = await createUser(ctx.db)
    await failuresOn(user.email, bystander.email)
    const { code, stdout } = await run('--all')
    expect(stdout.trim()).toMatch(
      /^every account and address unlocked \(\d+ failed sign-ins forgotten\)$/,
    )
    expect(code).toBe(0)
    expect(await keysLeft()).toEqual([])
  })

  it('says so when there is no such account, or no email', async () => {
    const missing = await run('nobody@test.local')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no account with the email nobody@test.local')
    const usage = await run()
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('usage: pnpm account:unlock <email> | pnpm account:unlock --all')
    expect((await run('--everyone')).code).toBe(2)
  })
})
