import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { every } from './schedule.ts'

function deferred() {
  let resolve = () => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('every', () => {
  it('runs at once, then every interval, until stopped', async () => {
    let runs = 0
    const job = every(
      1_000,
      () => Promise.resolve(void runs++),
      () => {},
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(runs).toBe(1)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(runs).toBe(4)
    await job.stop()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(runs).toBe(4)
  })

  it('skips ticks while the previous run is still going', async () => {
    const slow = deferred()
    let runs = 0
    const job = every(
      1_000,
      async () => {
        runs++
        if (runs === 1) await slow.promise
      },
      () => {},
    )
    await vi.advanceTimersByTimeAsync(3_500)
    expect(runs).toBe(1)
    slow.resolve()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs).toBe(2)
    await job.stop()
  })

  it('reports a failure and runs again at the next tick', async () => {
    const errors: unknown[] = []
    let runs = 0
    const job = every(
      1_000,
      () => (++runs === 1 ? Promise.reject(new Error('boom')) : Promise.resolve()),
      (err) => {
        errors.push(err)
        throw new Error('the handler fails too')
      },
    )
    await vi.advanceTimersByTimeAsync(2_000)
    expect(runs).toBe(3)
    expect(errors).toEqual([new Error('boom')])
    await job.stop()
  })

  it('stops only once the run in progress has finished', async () => {
    const slow = deferred()
    let finished = false
    const job = every(
      1_000,
      async () => {
        await slow.promise
        finished = true
      },
      () => {},
    )
    let stopped = false
    const stopping = job.stop().then(() => (stopped = true))
    await vi.advanceTimersByTimeAsync(5_000)
    expect(stopped).toBe(false)
    slow.resolve()
    await stopping
    expect(finished).toBe(true)
  })
})
