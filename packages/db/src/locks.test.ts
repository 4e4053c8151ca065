import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lockFor, tryLockFor } from './locks.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('lockFor', () => {
  it('lets one transaction at a time hold a name, until it ends', async () => {
    const order: string[] = []
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const first = t.db.transaction().execute(async (trx) => {
      await lockFor(trx, 'opsdeck:admins')
      order.push('first has it')
      await held
      order.push('first ends')
    })
    await pause(100)
    const second = t.db.transaction().execute(async (trx) => {
      await lockFor(trx, 'opsdeck:admins')
      order.push('second has it')
    })
    // Another name is not held up.
    await t.db.transaction().execute((trx) => lockFor(trx, 'opsdeck:partitions'))
    await pause(100)
    expect(order).toEqual(['first has it'])
    release()
    await Promise.all([first, second])
    expect(order).toEqual(['first has it', 'first ends', 'second has it'])
  })

  it('refuses to run outside a transaction, where the lock would not last', async () => {
    await expect(lockFor(t.db, 'opsdeck:admins')).rejects.toThrow(/transaction/)
    await expect(tryLockFor(t.db, 'opsdeck:admins')).rejects.toThrow(/transaction/)
  })
})

describe('tryLockFor', () => {
  it('takes a free name and refuses, without waiting, one another transaction holds', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked = () => {}
    const taken = new Promise<void>((resolve) => (locked = resolve))
    const first = t.db.transaction().execute(async (trx) => {
      const got = await tryLockFor(trx, 'opsdeck:daily-rollup-zone')
      locked()
      await held
      return got
    })
    await taken
    const second = () =>
      t.db.transaction().execute((trx) => tryLockFor(trx, 'opsdeck:daily-rollup-zone'))
    expect(await second()).toBe(false)
    // Another name is free.
    expect(await t.db.transaction().execute((trx) => tryLockFor(trx, 'opsdeck:admins'))).toBe(true)
    release()
    expect(await first).toBe(true)
    expect(await second()).toBe(true)
  })
})
