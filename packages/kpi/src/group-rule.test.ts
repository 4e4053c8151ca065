import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ComponentState,
  type GroupRule,
  groupState,
  groupUptime,
  upNeeded,
} from './group-rule.ts'

const ALL: GroupRule = { rule: 'all' }
const ANY: GroupRule = { rule: 'any' }
const TWO: GroupRule = { rule: 'at_least', minUp: 2 }

describe('groupState', () => {
  it('needs every component for all, one for any, N for at least N', () => {
    expect(groupState(ALL, ['up', 'up', 'up'])).toBe('up')
    expect(groupState(ALL, ['up', 'down', 'up'])).toBe('down')
    expect(groupState(ANY, ['down', 'down', 'up'])).toBe('up')
    expect(groupState(ANY, ['down', 'down', 'down'])).toBe('down')
    expect(groupState(TWO, ['up', 'down', 'up'])).toBe('up')
    expect(groupState(TWO, ['up', 'down', 'down'])).toBe('down')
  })

  it('counts degraded as up', () => {
    expect(groupState(ALL, ['degraded', 'up', 'degraded'])).toBe('up')
    expect(groupState(TWO, ['degraded', 'down', 'degraded'])).toBe('up')
  })

  it('is decided by the known components when they suffice either way', () => {
    // 2 of 3: A in maintenance, B and C up → up (2 ≥ 2 whatever A was).
    expect(groupState(TWO, ['maintenance', 'up', 'up'])).toBe('up')
    // A in maintenance, B and C down → down (even with A up, 1 < 2).
    expect(groupState(TWO, ['maintenance', 'down', 'down'])).toBe('down')
    // any: one up is enough, whatever the others' data.
    expect(groupState(ANY, ['no-data', 'maintenance', 'up'])).toBe('up')
    // all: one down is enough.
    expect(groupState(ALL, ['no-data', 'down', 'up'])).toBe('down')
  })

  it('is maintenance or no data when the unknown components would decide it', () => {
    // 2 of 3: A in maintenance, B up, C down: A's state decides → maintenance, not down.
    expect(groupState(TWO, ['maintenance', 'up', 'down'])).toBe('maintenance')
    expect(groupState(TWO, ['no-data', 'up', 'down'])).toBe('no-data')
    // all: everything up but one component in maintenance → maintenance.
    expect(groupState(ALL, ['up', 'maintenance', 'up'])).toBe('maintenance')
    // Planned work explains an undecided minute even when another component sent nothing.
    expect(groupState(ALL, ['no-data', 'maintenance', 'up'])).toBe('maintenance')
    expect(groupState(ANY, ['no-data', 'no-data'])).toBe('no-data')
  })

  it('refuses an impossible rule', () => {
    expect(() => groupState(ALL, [])).toThrow(RangeError)
    expect(() => upNeeded({ rule: 'at_least', minUp: 4 }, 3)).toThrow(RangeError)
    expect(() => upNeeded({ rule: 'at_least', minUp: 0 }, 3)).toThrow(RangeError)
    expect(upNeeded({ rule: 'at_least', minUp: 3 }, 3)).toBe(3)
  })

  const known = fc.constantFrom<ComponentState>('up', 'degraded', 'down')
  const anyState = fc.constantFrom<ComponentState>(
    'up',
    'degraded',
    'down',
    'maintenance',
    'no-data',
  )
  const ruleAndStates = fc.array(anyState, { minLength: 1, maxLength: 8 }).chain((states) =>
    fc
      .oneof(
        fc.constant<GroupRule>(ALL),
        fc.constant<GroupRule>(ANY),
        fc
          .integer({ min: 1, max: states.length })
          .map((minUp): GroupRule => ({ rule: 'at_least', minUp })),
      )
      .map((rule) => ({ rule, states })),
  )
  const isUp = (s: ComponentState) => s === 'up' || s === 'degraded'

  it('with every component known, is up exactly when enough are up', () => {
    fc.assert(
      fc.property(fc.array(known, { minLength: 1, maxLength: 8 }), (states) => {
        const ups = states.filter(isUp).length
        for (let minUp = 1; minUp <= states.length; minUp++) {
          const expected = ups >= minUp ? 'up' : 'down'
          if (groupState({ rule: 'at_least', minUp }, states) !== expected) return false
        }
        return (
          groupState(ANY, states) === groupState({ rule: 'at_least', minUp: 1 }, states) &&
          groupState(ALL, states) === groupState({ rule: 'at_least', minUp: states.length }, states)
        )
      }),
    )
  })

  // Kleene: a decided group stays so however the unknown components turn out.
  it('says up or down only when every way the unknown components could be agrees', () => {
    fc.assert(
      fc.property(ruleAndStates, ({ rule, states }) => {
        const state = groupState(rule, states)
        const allUp = states.map((s) => (isUp(s) || s === 'down' ? s : 'up'))
        const allDown = states.map((s) => (isUp(s) || s === 'down' ? s : 'down'))
        const best = groupState(rule, allUp)
        const worst = groupState(rule, allDown)
        if (state === 'up') return worst === 'up'
        if (state === 'down') return best === 'down'
        return best === 'up' && worst === 'down'
      }),
    )
  })

  it('never gets worse when a component comes up', () => {
    const rank = { down: 0, 'no-data': 1, maintenance: 1, up: 2 } as const
    fc.assert(
      fc.property(ruleAndStates, fc.nat(), ({ rule, states }, i) => {
        const better = states.map((s, j) => (j === i % states.length ? 'up' : s))
        return rank[groupState(rule, better)] >= rank[groupState(rule, states)]
      }),
    )
  })
})

describe('groupUptime', () => {
  it('counts up minutes over up and down ones, with coverage of the whole window', () => {
    // A 60-minute window: 50 up, 4 down, 3 maintenance, 3 no data.
    // uptime = 50 / 54 = 0.925926; coverage = (50 + 4 + 3) / 60 = 0.95.
    const r = groupUptime({ up: 50, down: 4, maintenance: 3, noData: 3 })
    expect(r.uptime).toBeCloseTo(50 / 54, 12)
    expect(r.uptime).toBeCloseTo(0.925926, 6)
    expect(r.coverage).toBeCloseTo(0.95, 12)
  })

  it('is no data, not 100%, without a decided minute', () => {
    expect(groupUptime({ up: 0, down: 0, maintenance: 10, noData: 50 })).toEqual({
      uptime: null,
      coverage: 10 / 60,
    })
    expect(groupUptime({ up: 0, down: 0, maintenance: 0, noData: 0 })).toEqual({
      uptime: null,
      coverage: null,
    })
  })

  it('keeps uptime and coverage in [0, 1]', () => {
    const count = fc.integer({ min: 0, max: 100_000 })
    fc.assert(
      fc.property(count, count, count, count, (up, down, maintenance, noData) => {
        const r = groupUptime({ up, down, maintenance, noData })
        return [r.uptime, r.coverage].every((v) => v === null || (v >= 0 && v <= 1))
      }),
    )
  })
})
