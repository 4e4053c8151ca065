import { describe, expect, it } from 'vitest'
import {
  chooseReadTarget,
  formatLsn,
  observeReplica,
  parseLsn,
  replicaLagMs,
  type ReplicaState,
} from './replica-routing.ts'

const LIMITS = { maxLagMs: 10_000, maxCheckAgeMs: 2_000 }
const T = 1_000_000 // a moment, in ms

const state = (over: Partial<ReplicaState> = {}): ReplicaState => ({
  checkedAt: T,
  usable: true,
  replayLsn: parseLsn('0/3000000'),
  behind: [],
  held: false,
  ...over,
})

describe('WAL positions', () => {
  it('reads pg_lsn text as a number that orders as PostgreSQL orders them', () => {
    expect(parseLsn('0/0')).toBe(0n)
    expect(parseLsn('16/B374D848')).toBe(0x16_b374d848n)
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true)
    expect(formatLsn(0x16_b374d848n)).toBe('16/B374D848')
  })

  it.each(['', '0', '0/', '/1', 'x/1', '1/2/3', '123456789/0', ' 0/1', '0/1;'])(
    'refuses %j (a cookie is anything a client sends)',
    (text) => expect(parseLsn(text)).toBeNull(),
  )

  it('round-trips 64-bit positions', () => {
    for (const lsn of [
      0n,
      1n,
      0xffff_ffffn,
      0x1_0000_0000n,
      0xdead_beef_0000_0001n,
      2n ** 64n - 1n,
    ]) {
      expect(parseLsn(formatLsn(lsn))).toBe(lsn)
    }
  })
})

describe('where a read goes', () => {
  it('goes to a replica that is checked, caught up enough and has this browser’s last write', () => {
    expect(chooseReadTarget(state(), null, T + 50, LIMITS)).toBe('replica')
    // The write at 0/3000000 is replayed (equal is enough: the commit record ends there).
    expect(chooseReadTarget(state(), parseLsn('0/3000000'), T + 50, LIMITS)).toBe('replica')
    expect(chooseReadTarget(state(), parseLsn('0/2FFFFFF'), T + 50, LIMITS)).toBe('replica')
  })

  it('goes to the primary while the replica has not replayed the writer’s last write', () => {
    expect(chooseReadTarget(state(), parseLsn('0/3000001'), T + 50, LIMITS)).toBe('primary')
    // Someone else, without a recent write, still reads from the replica.
    expect(chooseReadTarget(state(), null, T + 50, LIMITS)).toBe('replica')
  })

  it('goes to the primary before the first check and when the replica is not usable', () => {
    expect(chooseReadTarget(null, null, T, LIMITS)).toBe('primary')
    expect(chooseReadTarget(state({ usable: false }), null, T, LIMITS)).toBe('primary')
    expect(chooseReadTarget(state({ replayLsn: null }), null, T, LIMITS)).toBe('primary')
    expect(chooseReadTarget(state({ held: true }), null, T, LIMITS)).toBe('primary')
  })

  it('goes to the primary when the last check is too old to trust', () => {
    expect(chooseReadTarget(state(), null, T + 2_000, LIMITS)).toBe('replica')
    expect(chooseReadTarget(state(), null, T + 2_001, LIMITS)).toBe('primary')
  })

  it('goes to the primary once the replica misses a write older than the bound', () => {
    // At the check the replica lacked a position first seen 4 s before it.
    const behind = state({ behind: [{ lsn: parseLsn('0/4000000')!, seenAt: T - 4_000 }] })
    expect(replicaLagMs(behind, T)).toBe(4_000)
    expect(chooseReadTarget(behind, null, T, LIMITS)).toBe('replica')
    // The lag keeps growing between checks: 10 s is still within the bound, 10.001 s is not.
    expect(chooseReadTarget(behind, null, T + 1_000, { ...LIMITS, maxLagMs: 5_000 })).toBe(
      'replica',
    )
    expect(chooseReadTarget(behind, null, T + 1_001, { ...LIMITS, maxLagMs: 5_000 })).toBe(
      'primary',
    )
  })

  it('never sends a read to a replica behind the request’s marker, whatever the state', () => {
    const positions = [0n, 1n, 0xffff_ffffn, 0x1_0000_0000n, 2n ** 40n]
    for (const replay of positions)
      for (const marker of positions)
        for (const usable of [true, false])
          for (const age of [0, 100, 2_000, 5_000]) {
            const target = chooseReadTarget(
              state({ replayLsn: replay, usable }),
              marker,
              T + age,
              LIMITS,
            )
            expect(target === 'replica').toBe(replay >= marker && usable && age <= 2_000)
          }
  })
})

describe('observing the replica', () => {
  const check = (at: number, replay: string | null, primary: string | null, inRecovery = true) => ({
    at,
    replica: { inRecovery, replayLsn: parseLsn(replay) },
    primaryLsn: parseLsn(primary),
  })

  it('times the lag from when the primary was first seen past what the replica has replayed', () => {
    let s = observeReplica(null, check(T, '0/100', '0/100'), LIMITS)
    expect(s).toMatchObject({ usable: true, replayLsn: 0x100n, behind: [] })
    // The primary moves on; replay is paused.
    s = observeReplica(s, check(T + 1_000, '0/100', '0/200'), LIMITS)
    s = observeReplica(s, check(T + 2_000, '0/100', '0/300'), LIMITS)
    expect(replicaLagMs(s, T + 2_000)).toBe(1_000)
    expect(replicaLagMs(s, T + 12_000)).toBe(11_000)
    // Replay reaches 0/200: the oldest missing write is now the one first seen at T + 2 s.
    s = observeReplica(s, check(T + 3_000, '0/200', '0/300'), LIMITS)
    expect(replicaLagMs(s, T + 3_000)).toBe(1_000)
    s = observeReplica(s, check(T + 3_100, '0/300', '0/300'), LIMITS)
    expect(replicaLagMs(s, T + 3_100)).toBe(0)
    expect(s.behind).toEqual([])
  })

  it('never under-states the lag when checks come faster than it keeps positions', () => {
    let s = observeReplica(null, check(T, '0/100', '0/100'), LIMITS)
    s = observeReplica(s, check(T + 100, '0/100', '0/200'), LIMITS)
    // 0/300 seen 100 ms later is kept under 0/200's time (spacing: a twentieth of 10 s).
    s = observeReplica(s, check(T + 200, '0/100', '0/300'), LIMITS)
    s = observeReplica(s, check(T + 300, '0/250', '0/300'), LIMITS)
    expect(replicaLagMs(s, T + 300)).toBe(200)
  })

  it('comes back after lagging past the bound only once within a quarter of it', () => {
    let s = observeReplica(null, check(T, '0/100', '0/100'), LIMITS)
    s = observeReplica(s, check(T + 1_000, '0/100', '0/200'), LIMITS)
    s = observeReplica(s, check(T + 12_000, '0/100', '0/300'), LIMITS)
    expect(s.held).toBe(true)
    expect(chooseReadTarget(s, null, T + 12_000, LIMITS)).toBe('primary')
    // Replay passes 0/200: 4 s behind (0/300 was first seen at T + 12 s) is within the bound
    // but not within a quarter of it.
    s = observeReplica(s, check(T + 16_000, '0/200', '0/300'), LIMITS)
    expect(replicaLagMs(s, T + 16_000)).toBe(4_000)
    expect(chooseReadTarget(s, null, T + 16_000, LIMITS)).toBe('primary')
    s = observeReplica(s, check(T + 16_100, '0/300', '0/300'), LIMITS)
    expect(chooseReadTarget(s, null, T + 16_100, LIMITS)).toBe('replica')
    // Back in use, it is held again only past the whole bound.
    s = observeReplica(s, check(T + 17_000, '0/300', '0/400'), LIMITS)
    s = observeReplica(s, check(T + 22_000, '0/300', '0/400'), LIMITS)
    expect(chooseReadTarget(s, null, T + 22_000, LIMITS)).toBe('replica')
  })

  it('comes back after an outage only once within a quarter of the bound', () => {
    let s = observeReplica(null, check(T, '0/100', '0/100'), LIMITS)
    s = observeReplica(s, { at: T + 1_000, replica: null, primaryLsn: 0x200n }, LIMITS)
    s = observeReplica(s, check(T + 5_000, '0/100', '0/200'), LIMITS)
    expect(chooseReadTarget(s, null, T + 5_000, LIMITS)).toBe('primary')
    s = observeReplica(s, check(T + 5_100, '0/200', '0/200'), LIMITS)
    expect(chooseReadTarget(s, null, T + 5_100, LIMITS)).toBe('replica')
  })

  it('at the first check, is used only when it has what the primary had', () => {
    expect(observeReplica(null, check(T, '0/100', '0/100'), LIMITS).held).toBe(false)
    // Behind by how long? Nobody knows yet: the next check tells.
    const first = observeReplica(null, check(T, '0/100', '0/200'), LIMITS)
    expect(first.held).toBe(true)
    expect(observeReplica(first, check(T + 100, '0/200', '0/200'), LIMITS).held).toBe(false)
  })

  it('is not usable when it does not answer, is no standby, or has replayed nothing', () => {
    expect(observeReplica(null, { at: T, replica: null, primaryLsn: 1n }, LIMITS).usable).toBe(
      false,
    )
    expect(observeReplica(null, check(T, '0/100', '0/100', false), LIMITS).usable).toBe(false)
    expect(observeReplica(null, check(T, null, '0/100'), LIMITS).usable).toBe(false)
  })

  it('keeps timing the lag while the replica is away, and from before when the primary is', () => {
    let s = observeReplica(null, check(T, '0/100', '0/100'), LIMITS)
    s = observeReplica(s, check(T + 1_000, '0/100', '0/200'), LIMITS)
    s = observeReplica(s, { at: T + 5_000, replica: null, primaryLsn: 0x300n }, LIMITS)
    expect(s.usable).toBe(false)
    s = observeReplica(s, check(T + 6_000, '0/100', null), LIMITS)
    expect(s.usable).toBe(true)
    expect(replicaLagMs(s, T + 6_000)).toBe(5_000)
  })

  it('holds a bounded list of positions however long the replica stays behind', () => {
    let s = observeReplica(null, check(T, '0/1', '0/1'), LIMITS)
    for (let i = 1; i <= 1_000; i++) {
      s = observeReplica(s, check(T + i * 1_000, '0/1', formatLsn(BigInt(i + 1))), LIMITS)
    }
    expect(s.behind.length).toBeLessThanOrEqual(40)
    // The oldest missing position is kept: the lag is still timed from the first one.
    expect(replicaLagMs(s, T + 1_000_000)).toBe(999_000)
  })
})
