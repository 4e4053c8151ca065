import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evm, plannedValue } from './evm.ts'
import { evmSeries } from './evm-series.ts'

// BAC £10,000 over 2026-01-01 … 2026-04-10 (100 days), no baseline: PV = 10,000 pence a day.
const project = { bac: 1_000_000, start: '2026-01-01', end: '2026-04-10', baseline: [] }

describe('evmSeries', () => {
  it('accumulates costs and holds the latest progress, per day', () => {
    // A cost before the window counts: AC on 10 Jan = 50,000 + 20,000 (9 Jan) = 70,000; on 12 Jan
    // + 5,000 = 75,000. Progress 8% on 8 Jan holds until 12% on 12 Jan: EV 80,000 then 120,000.
    // PV = 10,000 × day of the project (10, 11, 12 Jan → 100,000, 110,000, 120,000).
    const series = evmSeries({
      ...project,
      from: '2026-01-10',
      to: '2026-01-12',
      costs: [
        { day: '2026-01-12', amount: 5_000 },
        { day: '2026-01-02', amount: 50_000 },
        { day: '2026-01-09', amount: 20_000 },
        { day: '2026-01-13', amount: 99_000 },
      ],
      progress: [
        { day: '2026-01-12', percentComplete: 12 },
        { day: '2026-01-08', percentComplete: 8 },
      ],
    })
    expect(series.map((s) => [s.day, s.evm.pv, s.evm.ev, s.evm.ac])).toEqual([
      ['2026-01-10', 100_000, 80_000, 70_000],
      ['2026-01-11', 110_000, 80_000, 70_000],
      ['2026-01-12', 120_000, 120_000, 75_000],
    ])
    // CPI on 12 Jan = 120,000 / 75,000 = 1.6, SPI = 1.
    expect(series[2]?.evm).toEqual(
      evm({ bac: 1_000_000, pv: 120_000, ac: 75_000, percentComplete: 0.12 }),
    )
  })

  it('follows the baseline plan when there is one, into the next month', () => {
    // Jan 3,100 (100 a day), Feb 2,800 (100 a day): 31 Jan → 3,100; 1 Feb → 3,100 + 100.
    const baseline = [
      { month: '2026-02-01', amount: 2_800 },
      { month: '2026-01', amount: 3_100 },
    ]
    const series = evmSeries({
      ...project,
      baseline,
      from: '2026-01-31',
      to: '2026-02-01',
      costs: [],
      progress: [],
    })
    expect(series.map((s) => s.evm.pv)).toEqual([3_100, 3_200])
  })

  it('is empty when to is before from, and rejects a percentage out of range', () => {
    const none = { ...project, costs: [], progress: [] }
    expect(evmSeries({ ...none, from: '2026-02-01', to: '2026-01-31' })).toEqual([])
    const bad = [{ day: '2026-01-01', percentComplete: 120 }]
    expect(() =>
      evmSeries({ ...none, from: '2026-01-01', to: '2026-01-02', progress: bad }),
    ).toThrow(RangeError)
  })

  it('gives each day what evm() gives for that day alone', () => {
    const day = fc
      .integer({ min: 0, max: 120 })
      .map((n) => new Date(Date.UTC(2025, 11, 1 + n)).toISOString().slice(0, 10))
    const baseline = fc.oneof(
      fc.constant([]),
      fc
        .array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 6 })
        .map((amounts) => amounts.map((amount, i) => ({ month: `2026-0${i + 1}`, amount }))),
    )
    fc.assert(
      fc.property(
        baseline,
        fc.array(fc.record({ day, amount: fc.integer({ min: -50_000, max: 200_000 }) }), {
          maxLength: 12,
        }),
        fc.array(fc.record({ day, percentComplete: fc.integer({ min: 0, max: 100 }) }), {
          maxLength: 6,
        }),
        day,
        fc.integer({ min: 0, max: 20 }),
        (plan, costs, progress, from, length) => {
          const to = new Date(Date.parse(from) + length * 86_400_000).toISOString().slice(0, 10)
          const series = evmSeries({ ...project, baseline: plan, from, to, costs, progress })
          expect(series).toHaveLength(length + 1)
          for (const { day: asOf, evm: got } of series) {
            const ac = costs.filter((c) => c.day <= asOf).reduce((sum, c) => sum + c.amount, 0)
            const latest = progress
              .filter((p) => p.day <= asOf)
              .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
              .at(-1)
            const pv = plannedValue({ ...project, baseline: plan, asOf })
            const percentComplete = (latest?.percentComplete ?? 0) / 100
            expect(got).toEqual(evm({ bac: project.bac, pv, ac, percentComplete }))
          }
        },
      ),
    )
  })
})
