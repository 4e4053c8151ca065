import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evmSeries } from './evm-series.ts'
import { rag } from './rag.ts'
import { ragTimeline } from './rag-timeline.ts'

describe('ragTimeline', () => {
  it('records a project turning amber, red, then amber again', () => {
    // BAC 1,000,000 over 100 days with no baseline: PV = 10,000 a day; progress keeps pace
    // (k% on day k), so EV = PV and SPI = 1 throughout; only the costs move the colour.
    // 1 Jan: AC 10,500, EV 10,000 → CPI 0.952, EAC 1,050,000 = 105% of BAC → amber (EAC rule).
    // 2 Jan: AC 21,000, EV 20,000 → the same: no change.
    // 3 Jan: AC 36,000, EV 30,000 → CPI 0.833 < 0.85 → red.
    // 4 Jan: AC 42,000, EV 40,000 → CPI 0.952, EAC 105% → amber.
    // 5 Jan: AC 52,000, EV 50,000 → CPI 0.9615, EAC 104%: amber for another reason, no change.
    const series = evmSeries({
      bac: 1_000_000,
      start: '2026-01-01',
      end: '2026-04-10',
      baseline: [],
      from: '2026-01-01',
      to: '2026-01-05',
      costs: [10_500, 10_500, 15_000, 6_000, 10_000].map((amount, i) => ({
        day: `2026-01-0${i + 1}`,
        amount,
      })),
      progress: [1, 2, 3, 4, 5].map((k) => ({ day: `2026-01-0${k}`, percentComplete: k })),
    })
    expect(series.map((s) => rag(s.evm).reason).at(-1)).toBe('EAC 104% of BAC > 100%')
    expect(ragTimeline(series)).toEqual([
      { day: '2026-01-01', status: 'amber', reason: 'EAC 105% of BAC > 100%' },
      { day: '2026-01-03', status: 'red', reason: 'CPI 0.83 < 0.85' },
      { day: '2026-01-04', status: 'amber', reason: 'EAC 105% of BAC > 100%' },
    ])
  })

  it('starts grey before there is data, and uses the thresholds given', () => {
    const strict = {
      red: { cpi: 0.5, spi: 0.5, eacOverBac: 2 },
      amber: { cpi: 1.5, spi: 0.5, eacOverBac: 2 },
    }
    const days = [
      { day: '2026-01-01', evm: { bac: 100, cpi: null, spi: null, eac: null } },
      { day: '2026-01-02', evm: { bac: 100, cpi: 1.2, spi: 1, eac: 83 } },
    ]
    expect(ragTimeline(days).map((c) => c.status)).toEqual(['grey', 'green'])
    expect(ragTimeline(days, strict).map((c) => c.status)).toEqual(['grey', 'amber'])
    expect(ragTimeline([])).toEqual([])
  })

  it('rejects days out of order', () => {
    const evm = { bac: 100, cpi: 1, spi: 1, eac: 100 }
    const days = [
      { day: '2026-01-02', evm },
      { day: '2026-01-01', evm },
    ]
    expect(() => ragTimeline(days)).toThrow(RangeError)
  })

  it('lists only changes, starting with the first day and ending in the last day’s colour', () => {
    const index = fc.option(fc.double({ min: 0.5, max: 1.2, noNaN: true }), { nil: null })
    fc.assert(
      fc.property(fc.array(fc.tuple(index, index), { minLength: 1, maxLength: 30 }), (values) => {
        const days = values.map(([cpi, spi], i) => ({
          day: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
          evm: { bac: 1000, cpi, spi, eac: cpi === null ? null : Math.round(1000 / cpi) },
        }))
        const changes = ragTimeline(days)
        expect(changes[0]?.day).toBe(days[0]?.day)
        for (let i = 1; i < changes.length; i++) {
          expect(changes[i]?.status).not.toBe(changes[i - 1]?.status)
        }
        expect(changes.at(-1)?.status).toBe(rag(days.at(-1)!.evm).status)
      }),
    )
  })
})
