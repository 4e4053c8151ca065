import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, SAME_ORIGIN, setupApp, type TestApp } from '../../test/helpers.ts'
import { WorkLimiter, WorkRefusedError } from './hash-limit.ts'
import { argon2Work } from './password.ts'

/** A task that runs until `release()`. */
function blocker() {
  let release = () => {}
  const done = new Promise<void>((resolve) => (release = resolve))
  return { task: () => done, release: () => release() }
}

const isOverloaded = (err: unknown) => err instanceof WorkRefusedError

describe('WorkLimiter', () => {
  it('runs at most `concurrency` tasks at once, the others in arrival order', async () => {
    const limiter = new WorkLimiter({ concurrency: 2, queue: 10, waitMs: 5_000 })
    const blockers = Array.from({ length: 5 }, blocker)
    const started: number[] = []
    const runs = blockers.map((b, i) =>
      limiter.run(async () => {
        started.push(i)
        await b.task()
        return i
      }),
    )
    await Promise.resolve()
    expect(started).toEqual([0, 1])
    blockers[1]!.release()
    await runs[1]
    await Promise.resolve()
    expect(started).toEqual([0, 1, 2])
    for (const b of blockers) b.release()
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4])
  })

  it('refuses at once when the queue is full, and after `waitMs` in the queue', async () => {
    const limiter = new WorkLimiter({ concurrency: 1, queue: 1, waitMs: 50 })
    const running = blocker()
    const first = limiter.run(running.task)
    const queued = limiter.run(() => Promise.resolve('ran'))
    let ran = false
    const full = limiter.run(async () => {
      ran = true
      return Promise.resolve()
    })
    await expect(full).rejects.toSatisfy(isOverloaded)
    await expect(queued).rejects.toSatisfy(isOverloaded)
    expect(ran).toBe(false)
    running.release()
    await first
    // Its turns were all given back: the next task runs at once.
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next')
  })
})

describe('sign-in while password hashing is saturated', () => {
  let ctx: TestApp
  beforeAll(async () => {
    ctx = await setupApp()
  })
  afterAll(() => ctx.drop())

  const signIn = (email: string, password: string) =>
    ctx.app.request(
      '/api/v1/auth/login',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN },
        body: JSON.stringify({ email, password }),
      },
      { incoming: { socket: { remoteAddress: '192.0.2.200' } } },
    )

  it('answers 503 overloaded with Retry-After, for every kind of attempt alike, and charges nothing', async () => {
    const user = await createUser(ctx.db)
    await signIn(user.email, user.password) // the dummy hash for unknown emails exists now
    const { concurrency, queue } = argon2Work.limits
    const blockers = Array.from({ length: concurrency + queue }, blocker)
    const held = blockers.map(async (b) => argon2Work.run(b.task))
    try {
      for (const [email, password] of [
        [user.email, user.password],
        [user.email, 'wrong-password-x'],
        ['nobody@test.local', 'wrong-password-x'],
      ] as const) {
        const res = await signIn(email, password)
        expect(res.status).toBe(503)
        expect(res.headers.get('retry-after')).toBe('1')
        expect(await res.json()).toMatchObject({
          error: { code: 'overloaded', message: expect.stringMatching(/sign-ins/) },
        })
      }
      const charged = await ctx.db
        .selectFrom('loginFailures')
        .select('key')
        .where('key', 'like', '%192.0.2.200%')
        .execute()
      expect(charged).toEqual([])
    } finally {
      for (const b of blockers) b.release()
      await Promise.all(held)
    }
    expect((await signIn(user.email, user.password)).status).toBe(200)
  })
})
