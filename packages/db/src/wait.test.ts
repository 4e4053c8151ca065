import { describe, expect, it } from 'vitest'
import { waitForDatabase } from './wait.ts'

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })

describe('waitForDatabase', () => {
  it('retries while the database is unreachable, logging each attempt, until it answers', async () => {
    const lines: string[] = []
    let calls = 0
    await waitForDatabase(() => (++calls < 3 ? Promise.reject(refused()) : Promise.resolve()), {
      timeoutMs: 10_000,
      log: (l) => lines.push(l),
    })
    expect(calls).toBe(3)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/ECONNREFUSED.*attempt 1, next in 0\.5 s/)
    expect(lines[1]).toMatch(/attempt 2, next in 1\.0 s/)
  })

  it('gives up after the configured time with the last error', async () => {
    const started = Date.now()
    await expect(
      waitForDatabase(() => Promise.reject(refused()), { timeoutMs: 1_200, log: () => {} }),
    ).rejects.toThrow(/ECONNREFUSED/)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_200)
  })

  it('does not wait for what waiting cannot fix, such as a wrong password', async () => {
    const wrongPassword = Object.assign(new Error('password authentication failed'), {
      code: '28P01',
    })
    let calls = 0
    await expect(
      waitForDatabase(
        () => {
          calls++
          return Promise.reject(wrongPassword)
        },
        { timeoutMs: 10_000, log: () => {} },
      ),
    ).rejects.toBe(wrongPassword)
    expect(calls).toBe(1)
  })
})
