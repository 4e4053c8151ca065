import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RESPONSE_TARGETS,
  incidentBudgetShare,
  repeatIncidents,
  responseTargetStatus,
  slaBreachRate,
  slaOutcomes,
} from './incident-response.ts'
import type { RepeatCandidate, TargetOutcome, TargetState } from './incident-response.ts'

const t0 = Date.parse('2026-02-02T09:00:00Z')
const at = (minutes: number) => new Date(t0 + minutes * 60_000)
const day = (days: number) => at(days * 24 * 60)
const SEV1 = DEFAULT_RESPONSE_TARGETS.SEV1
// A SEV1 started at t0, its milestones and the clock in minutes after it (null: not reached).
const sev1 = (ack: number | null, resolved: number | null, now: number) =>
  responseTargetStatus({
    startedAt: at(0),
    acknowledgedAt: ack === null ? null : at(ack),
    resolvedAt: resolved === null ? null : at(resolved),
    now: at(now),
    target: SEV1,
  })

describe('DEFAULT_RESPONSE_TARGETS', () => {
  it('holds the issue’s defaults in minutes, as the migration seeds them', () => {
    // SEV3 resolve 3 days = 3 × 1,440 = 4,320; SEV4 1 day = 1,440 and 10 days = 14,400.
    expect(DEFAULT_RESPONSE_TARGETS).toEqual({
      SEV1: { ackMinutes: 5, resolveMinutes: 240 },
      SEV2: { ackMinutes: 15, resolveMinutes: 480 },
      SEV3: { ackMinutes: 60, resolveMinutes: 4320 },
      SEV4: { ackMinutes: 1440, resolveMinutes: 14_400 },
    })
  })
})

describe('responseTargetStatus', () => {
  it('counts a milestone reached exactly on target as met', () => {
    // SEV1 started 09:00, acknowledged 09:05 (5 ≤ 5), resolved 13:00 (240 ≤ 240).
    const r = sev1(5, 240, 1000)
    const met = (minutes: number) => ({ state: 'met', minutes, targetMinutes: minutes })
    expect(r).toEqual({
      ack: { ...met(5), leftMinutes: null, dueAt: at(5) },
      resolve: { ...met(240), leftMinutes: null, dueAt: at(240) },
    })
  })

  it('breaches a milestone reached after its target, whatever the other did', () => {
    // Acknowledged after 7 min (> 5): breached; resolved after 200 min (≤ 240): met.
    const r = responseTargetStatus({
      startedAt: at(0).toISOString(),
      acknowledgedAt: at(7).toISOString(),
      resolvedAt: at(200).toISOString(),
      now: at(300).toISOString(),
      target: SEV1,
    })
    expect(r.ack).toMatchObject({ state: 'breached', minutes: 7, leftMinutes: null })
    expect(r.resolve).toMatchObject({ state: 'met', minutes: 200, leftMinutes: null })
  })

  it('gives an open incident its time left, and breaches it once past the target', () => {
    // Acknowledged after 3 min, open at +60: resolve has 240 − 60 = 180 min left, due 13:00.
    const open = sev1(3, null, 60)
    expect(open.ack).toMatchObject({ state: 'met', minutes: 3 })
    expect(open.resolve).toEqual({
      state: 'pending',
      minutes: 60,
      targetMinutes: 240,
      leftMinutes: 180,
      dueAt: at(240),
    })
    // Not acknowledged at +8: 8 > 5 → breached with 5 − 8 = −3 min left; resolve 232 left.
    const late = sev1(null, null, 8)
    expect(late.ack).toMatchObject({ state: 'breached', minutes: 8, leftMinutes: -3 })
    expect(late.resolve).toMatchObject({ state: 'pending', leftMinutes: 232 })
  })

  it('is still pending at the very minute the target falls due', () => {
    // Not acknowledged at exactly +5: 0 min left, not yet breached.
    expect(sev1(null, null, 5).ack).toMatchObject({
      state: 'pending',
      minutes: 5,
      leftMinutes: 0,
      dueAt: at(5),
    })
  })

  it('dates a SEV3 resolve target 3 days out', () => {
    // 4,320 min after 2026-02-02T09:00Z is 2026-02-05T09:00Z; at +1 day, 4,320 − 1,440 = 2,880 left.
    const r = responseTargetStatus({
      startedAt: at(0),
      acknowledgedAt: at(30),
      now: day(1),
      target: DEFAULT_RESPONSE_TARGETS.SEV3,
    })
    expect(r.resolve.dueAt.toISOString()).toBe('2026-02-05T09:00:00.000Z')
    expect(r.resolve.leftMinutes).toBe(2880)
  })

  it('takes a resolved incident without an acknowledgement time as acknowledged when resolved', () => {
    // Resolved after 4 min with no ack recorded: ack 4 ≤ 5 met. Resolved after 9: ack breached.
    expect(sev1(null, 4, 60).ack).toMatchObject({ state: 'met', minutes: 4, leftMinutes: null })
    expect(sev1(null, 9, 60).ack).toMatchObject({ state: 'breached', minutes: 9 })
  })

  it('rejects targets that are not positive, and times out of order or unreadable', () => {
    const base = { startedAt: at(10), now: at(20) }
    const bad = [
      { ...base, target: { ackMinutes: 0, resolveMinutes: 240 } },
      { ...base, target: { ackMinutes: 5, resolveMinutes: Number.NaN } },
      { ...base, acknowledgedAt: at(5), target: SEV1 },
      { ...base, resolvedAt: at(9), target: SEV1 },
      { ...base, now: at(0), target: SEV1 },
      { ...base, startedAt: 'yesterday', target: SEV1 },
    ]
    for (const input of bad) expect(() => responseTargetStatus(input)).toThrow(RangeError)
  })

  it('never leaves a milestone pending past its due time, nor breached before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
        fc.integer({ min: 1, max: 15_000 }),
        (nowMinutes, ackMinutes, targetMinutes) => {
          const { ack } = responseTargetStatus({
            startedAt: at(0),
            acknowledgedAt: ackMinutes === null ? null : at(ackMinutes),
            now: at(nowMinutes),
            target: { ackMinutes: targetMinutes, resolveMinutes: targetMinutes },
          })
          const reachedBy = ackMinutes ?? nowMinutes
          const expected =
            reachedBy > targetMinutes ? 'breached' : ackMinutes === null ? 'pending' : 'met'
          return ack.state === expected && (ack.leftMinutes === null) === (ackMinutes !== null)
        },
      ),
    )
  })
})

const outcome = (ack: TargetState, resolve: TargetState): TargetOutcome => ({
  ack: { state: ack },
  resolve: { state: resolve },
})

describe('slaBreachRate', () => {
  it('counts incidents that breached either target over those whose outcome is known', () => {
    // Breached: (breached, met) and (pending, breached) = 2. Known: those 2 + the two met on both
    // = 4. Left out: (met, pending) and (pending, pending), still open. 2 / 4 = 0.5.
    const rate = slaBreachRate([
      outcome('met', 'met'),
      outcome('breached', 'met'),
      outcome('met', 'pending'),
      outcome('pending', 'pending'),
      outcome('pending', 'breached'),
      outcome('met', 'met'),
    ])
    expect(rate).toBe(0.5)
    // One incident breaching both targets counts once: 1 / 1.
    expect(slaBreachRate([outcome('breached', 'breached')])).toBe(1)
    expect(slaBreachRate([outcome('met', 'met'), outcome('met', 'met')])).toBe(0)
  })

  it('is n/a with no incidents, or none with a known outcome', () => {
    expect(slaBreachRate([])).toBeNull()
    expect(slaBreachRate([outcome('met', 'pending'), outcome('pending', 'pending')])).toBeNull()
  })

  it('stays in [0, 1], n/a exactly when no outcome is known', () => {
    const state = fc.constantFrom<TargetState>('met', 'breached', 'pending')
    fc.assert(
      fc.property(fc.array(fc.tuple(state, state), { maxLength: 50 }), (pairs) => {
        const rate = slaBreachRate(pairs.map(([a, r]) => outcome(a, r)))
        const known = pairs.some(
          ([a, r]) => a === 'breached' || r === 'breached' || (a === 'met' && r === 'met'),
        )
        return rate === null ? !known : known && rate >= 0 && rate <= 1
      }),
    )
  })
})

describe('slaOutcomes', () => {
  it('counts each incident once, as breached, met or pending, and the rate over the known', () => {
    // Breached: (breached, met), (pending, breached), (breached, breached) = 3. Met on both: 2.
    // Pending: (met, pending), (pending, pending) = 2. Rate 3 / (3 + 2) = 0.6.
    expect(
      slaOutcomes([
        outcome('breached', 'met'),
        outcome('met', 'met'),
        outcome('met', 'pending'),
        outcome('pending', 'breached'),
        outcome('pending', 'pending'),
        outcome('breached', 'breached'),
        outcome('met', 'met'),
      ]),
    ).toEqual({ breached: 3, met: 2, pending: 2, breachRate: 0.6 })
    expect(slaOutcomes([])).toEqual({ breached: 0, met: 0, pending: 0, breachRate: null })
  })

  it('adds up to the incidents given, its rate the same as slaBreachRate', () => {
    const state = fc.constantFrom<TargetState>('met', 'breached', 'pending')
    fc.assert(
      fc.property(fc.array(fc.tuple(state, state), { maxLength: 50 }), (pairs) => {
        const statuses = pairs.map(([a, r]) => outcome(a, r))
        const o = slaOutcomes(statuses)
        return (
          o.breached + o.met + o.pending === pairs.length &&
          o.breachRate === slaBreachRate(statuses)
        )
      }),
    )
  })
})

describe('repeatIncidents', () => {
  // Services 1 (API) and 2 (database), 3 (mail).
  const incidents: RepeatCandidate[] = [
    { id: 1, serviceIds: [1], startedAt: day(0) },
    // 10 days after #1 on service 1: repeat.
    { id: 2, serviceIds: [1], startedAt: day(10) },
    // First on service 2: not a repeat.
    { id: 3, serviceIds: [2], startedAt: day(12).toISOString() },
    // Service 1's previous is #2, 41 − 10 = 31 days before (no); service 2's is #3, 41 − 12 = 29
    // days before (yes): a repeat through either service.
    { id: 4, serviceIds: [1, 2], startedAt: day(41) },
    // Exactly 71 − 41 = 30 days after #4 on service 1: a repeat (the bound is inclusive).
    { id: 5, serviceIds: [1], startedAt: day(71) },
    { id: 6, serviceIds: [3], startedAt: day(71) },
    // No affected service: never a repeat.
    { id: 7, serviceIds: [], startedAt: day(72) },
    // Service 2's previous is #4, 100 − 41 = 59 days before: not a repeat.
    { id: 8, serviceIds: [2], startedAt: day(100) },
  ]

  it('finds incidents within 30 days of the previous one on the same service', () => {
    expect(repeatIncidents(incidents)).toEqual([2, 4, 5])
  })

  it('uses the window given', () => {
    // 7 days: #2 (10), #4 (29) and #5 (30) are all further apart.
    expect(repeatIncidents(incidents, 7)).toEqual([])
    // One minute past 30 days is not a repeat.
    const apart = [
      { id: 1, serviceIds: [1], startedAt: day(0) },
      { id: 2, serviceIds: [1], startedAt: at(30 * 1440 + 1) },
    ]
    expect(repeatIncidents(apart)).toEqual([])
  })

  it('does not count incidents that started at the same instant as repeats of each other', () => {
    const same = [
      { id: 9, serviceIds: [1], startedAt: at(0) },
      { id: 3, serviceIds: [1], startedAt: at(0).toISOString() },
      { id: 5, serviceIds: [1], startedAt: at(1) },
    ]
    expect(repeatIncidents(same)).toEqual([5])
  })

  it('is empty with no incidents and rejects a bad window or start', () => {
    expect(repeatIncidents([])).toEqual([])
    expect(() => repeatIncidents(incidents, 0)).toThrow(RangeError)
    expect(() => repeatIncidents(incidents, Number.NaN)).toThrow(RangeError)
    expect(() => repeatIncidents([{ id: 1, serviceIds: [1], startedAt: 'soon' }])).toThrow(
      RangeError,
    )
  })

  const candidates = fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 10_000 }),
      serviceIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
      // Starts over 120 days on a 12 h grid, so ties and exact-bound gaps occur.
      startedAt: fc.integer({ min: 0, max: 240 }).map((halfDays) => at(halfDays * 720)),
    }),
    { selector: (c) => c.id, maxLength: 40 },
  )

  it('ignores the order of its input', () => {
    fc.assert(
      fc.property(
        candidates.chain((list) =>
          fc
            .shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
            .map((shuffled) => [list, shuffled] as const),
        ),
        ([list, shuffled]) => {
          expect(repeatIncidents(shuffled)).toEqual(repeatIncidents(list))
        },
      ),
    )
  })

  it('agrees with the definition checked pair by pair', () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: 1, max: 60 }), (list, days) => {
        const ms = (c: RepeatCandidate) => (c.startedAt as Date).getTime()
        const expected = list
          .filter((c) =>
            list.some(
              (p) =>
                ms(p) < ms(c) &&
                ms(c) - ms(p) <= days * 86_400_000 &&
                p.serviceIds.some((s) => c.serviceIds.includes(s)),
            ),
          )
          .map((c) => c.id)
        expect([...repeatIncidents(list, days)].sort((a, b) => a - b)).toEqual(
          expected.sort((a, b) => a - b),
        )
      }),
    )
  })
})

describe('incidentBudgetShare', () => {
  const share = (downtimeMinutes: number, target: number, windowDays: number) =>
    incidentBudgetShare({ downtimeMinutes, target, windowDays })

  it('divides the incident’s downtime by the budget for the window', () => {
    // 99.9% over 30 days: budget = 0.001 × 43,200 = 43.2 min; 21.6 min down = 0.5 of it.
    expect(share(21.6, 0.999, 30)).toBeCloseTo(0.5, 9)
    // 99.5% over 28 days: 0.005 × 40,320 = 201.6 min; 50.4 min = 0.25.
    expect(share(50.4, 0.995, 28)).toBeCloseTo(0.25, 9)
    // 86.4 min at 99.9% / 30 days is twice the budget: one incident overspent it.
    expect(share(86.4, 0.999, 30)).toBeCloseTo(2, 9)
    expect(share(0, 0.99, 30)).toBe(0)
  })

  it('is n/a when the target leaves no budget', () => {
    expect(share(5, 1, 30)).toBeNull()
  })

  it('rejects a target outside [0, 1], negative downtime or an empty window', () => {
    expect(() => share(5, 1.01, 30)).toThrow(RangeError)
    expect(() => share(5, Number.NaN, 30)).toThrow(RangeError)
    expect(() => share(-1, 0.999, 30)).toThrow(RangeError)
    expect(() => share(5, 0.999, 0)).toThrow(RangeError)
  })

  it('grows with downtime and is 1 when downtime equals the budget', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        fc.integer({ min: 1, max: 365 }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (target, windowDays, downtimeMinutes) => {
          const budget = (1 - target) * windowDays * 1440
          const part = share(downtimeMinutes, target, windowDays) ?? Number.NaN
          const more = share(downtimeMinutes + 1, target, windowDays) ?? Number.NaN
          const whole = share(budget, target, windowDays) ?? Number.NaN
          return part >= 0 && more > part && Math.abs(whole - 1) < 1e-9
        },
      ),
    )
  })
})
