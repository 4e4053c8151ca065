import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evm } from './evm.ts'
import { DEFAULT_RAG_THRESHOLDS, rag } from './rag.ts'
import type { RagThresholds } from './rag.ts'

const BAC = 10_000_000

describe('rag', () => {
  it('is red on the worked example, naming the CPI rule', () => {
    // BAC £100,000, 40% complete, AC £50,000, PV £45,000 → CPI 0.80 < 0.85 (red); SPI 0.889 and
    // EAC 125% would also be red/amber, but CPI is the first rule checked.
    const r = evm({ bac: BAC, percentComplete: 0.4, ac: 5_000_000, pv: 4_500_000 })
    expect(rag(r)).toEqual({ status: 'red', reason: 'CPI 0.80 < 0.85' })
  })

  it('names SPI when cost is fine but the schedule is not', () => {
    // CPI = 1.0 (EV = AC = 4,000,000), PV 5,000,000 → SPI 0.80 < 0.85.
    const r = evm({ bac: BAC, percentComplete: 0.4, ac: 4_000_000, pv: 5_000_000 })
    expect(rag(r)).toEqual({ status: 'red', reason: 'SPI 0.80 < 0.85' })
  })

  it('turns red on EAC over 110% of BAC when CPI is above its red line', () => {
    // CPI = 0.89 → EAC = 10,000,000 / 0.89 = 11,235,955 = 112.36% of BAC > 110%.
    const r = rag({ bac: BAC, cpi: 0.89, spi: 1, eac: 11_235_955 })
    expect(r).toEqual({ status: 'red', reason: 'EAC 112% of BAC > 110%' })
  })

  it('is amber between the lines', () => {
    // CPI 0.92 < 0.95 (red checks: 0.92 ≥ 0.85, SPI fine, EAC 108.7% ≤ 110%).
    expect(rag({ bac: BAC, cpi: 0.92, spi: 1, eac: 10_869_565 })).toEqual({
      status: 'amber',
      reason: 'CPI 0.92 < 0.95',
    })
    // CPI 0.97 passes its amber line, but EAC = BAC / 0.97 = 103% of BAC > 100%.
    expect(rag({ bac: BAC, cpi: 0.97, spi: 1, eac: 10_309_278 })).toEqual({
      status: 'amber',
      reason: 'EAC 103% of BAC > 100%',
    })
    expect(rag({ bac: BAC, cpi: 1.01, spi: 0.9, eac: 9_900_990 })).toEqual({
      status: 'amber',
      reason: 'SPI 0.90 < 0.95',
    })
  })

  it('is green within every threshold', () => {
    // CPI 1.02 → EAC 9,803,922 (98% of BAC); SPI 0.98 ≥ 0.95.
    expect(rag({ bac: BAC, cpi: 1.02, spi: 0.98, eac: 9_803_922 })).toEqual({
      status: 'green',
      reason: 'CPI 1.02, SPI 0.98 within thresholds',
    })
  })

  it('treats a value exactly on a line as not crossing it', () => {
    // EV 8,500 / AC 10,000 = 0.85 exactly: not red; amber on CPI 0.85 < 0.95.
    expect(rag({ bac: BAC, cpi: 8500 / 10_000, spi: 1, eac: null }).status).toBe('amber')
    expect(rag({ bac: BAC, cpi: 1, spi: 1, eac: 11_000_000 }).reason).toBe('EAC 110% of BAC > 100%')
  })

  it('shows enough digits that a value does not print as its limit', () => {
    expect(rag({ bac: BAC, cpi: 0.8499, spi: 1, eac: null }).reason).toBe('CPI 0.8499 < 0.85')
    expect(rag({ bac: BAC, cpi: 0.849, spi: 1, eac: null }).reason).toBe('CPI 0.849 < 0.85')
    expect(rag({ bac: BAC, cpi: 1, spi: 1, eac: 11_004_000 }).reason).toBe(
      'EAC 110.04% of BAC > 110%',
    )
  })

  it('is grey without CPI and SPI, and judges on what it has otherwise', () => {
    const none = evm({ bac: BAC, percentComplete: 0, ac: 0, pv: 0 })
    expect(rag(none)).toEqual({ status: 'grey', reason: 'not enough data' })
    // Nothing spent yet (CPI n/a) but behind plan.
    expect(rag({ bac: BAC, cpi: null, spi: 0.5, eac: null })).toEqual({
      status: 'red',
      reason: 'SPI 0.50 < 0.85',
    })
    expect(rag({ bac: BAC, cpi: null, spi: 1.2, eac: null })).toEqual({
      status: 'green',
      reason: 'CPI n/a, SPI 1.20 within thresholds',
    })
  })

  it('uses thresholds an admin edited', () => {
    const strict: RagThresholds = {
      red: { cpi: 0.9, spi: 0.9, eacOverBac: 1.05 },
      amber: { cpi: 0.975, spi: 0.975, eacOverBac: 1.0 },
    }
    expect(rag({ bac: BAC, cpi: 0.96, spi: 1, eac: null }, strict)).toEqual({
      status: 'amber',
      reason: 'CPI 0.96 < 0.975',
    })
    expect(rag({ bac: BAC, cpi: 1, spi: 1, eac: 10_600_000 }, strict).reason).toBe(
      'EAC 106% of BAC > 105%',
    )
    expect(DEFAULT_RAG_THRESHOLDS.red.cpi).toBe(0.85)
  })

  it('never rates a project better when its CPI falls', () => {
    const rank = { grey: -1, green: 0, amber: 1, red: 2 }
    const index = fc.double({ min: 0.01, max: 2, noNaN: true })
    fc.assert(
      fc.property(index, index, index, (a, b, spi) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        const at = (cpi: number) => rag({ bac: BAC, cpi, spi, eac: Math.round(BAC / cpi) })
        return rank[at(low).status] >= rank[at(high).status]
      }),
    )
  })
})
