import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { likePattern } from './like.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

// Asked of PostgreSQL itself: the pattern is only right if ILIKE reads it as meant.
async function matches(text: string, q: string) {
  const { rows } = await sql<{ m: boolean }>`SELECT ${text} ILIKE ${likePattern(q)} AS m`.execute(
    t.db,
  )
  return rows[0]?.m
}

describe('likePattern', () => {
  it('finds the text anywhere, in any case', async () => {
    expect(await matches('Payments API', 'ment')).toBe(true)
    expect(await matches('Payments API', 'payments api')).toBe(true)
    expect(await matches('Payments API', 'auth')).toBe(false)
  })

  it('takes %, _ and \\ literally', async () => {
    expect(await matches('100% up', '0%')).toBe(true)
    expect(await matches('1000 up', '0%')).toBe(false)
    expect(await matches('db_primary', 'b_p')).toBe(true)
    expect(await matches('dbXprimary', 'b_p')).toBe(false)
    expect(await matches('C:\\temp', ':\\t')).toBe(true)
    expect(await matches('C:temp', ':\\t')).toBe(false)
  })
})
