import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evm, evmFromValues, plannedValue } from './evm.ts'

// A year-long project with no baseline plan: BAC £120,000 over 2026-01-01 … 2026-12-31.
const project = { bac: 12_000_000, start: '2026-01-01', end: '2026-12-31', baseline: [] }

describe('evmFromValues', () => {
  it('gives the same figures as evm() from EV in pence', () => {
    // The worked example of evm.test.ts: EV = 0.4 × 10,000,000 = 4,000,000.
    expect(evmFromValues({ bac: 10_000_000, pv: 4_500_000, ev: 4_000_000, ac: 5_000_000 })).toEqual(
      evm({ bac: 10_000_000, percentComplete: 0.4, ac: 5_000_000, pv: 4_500_000 }),
    )
  })

  it('agrees with evm() for any input', () => {
    const pence = fc.integer({ min: 0, max: 10_000_000_000 })
    fc.assert(
      fc.property(
        pence,
        pence,
        pence,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (bac, ac, pv, pc) => {
          const ev = Math.round(bac * pc)
          expect(evmFromValues({ bac, pv, ev, ac })).toEqual(
            evm({ bac, ac, pv, percentComplete: pc }),
          )
        },
      ),
    )
  })

  it('rejects non-finite EV', () => {
    expect(() => evmFromValues({ bac: 1, pv: 0, ev: Number.NaN, ac: 0 })).toThrow(RangeError)
  })
})

describe('evm edge cases', () => {
  it('no actuals yet: CPI and the EACs that need it are n/a', () => {
    // 31 March, 25% complete, nothing spent. PV = 12,000,000 × 90/365 = 2,958,904;
    // EV 3,000,000; SPI = 3,000,000 / 2,958,904 = 1.0139; atypical EAC = 0 + 9,000,000;
    // TCPI = 9,000,000 / 12,000,000 = 0.75.
    const pv = plannedValue({ ...project, asOf: '2026-03-31' })
    const r = evm({ bac: project.bac, pv, ac: 0, percentComplete: 0.25 })
    expect(r).toMatchObject({ pv: 2_958_904, ev: 3_000_000, cv: 3_000_000, cpi: null, eac: null })
    expect(r).toMatchObject({ eacCombined: null, etc: null, vac: null, eacAtypical: 9_000_000 })
    expect(r.spi).toBeCloseTo(1.0139, 4)
    expect(r.tcpi).toBe(0.75)
  })

  it('no progress yet: EV 0, CPI 0, no typical EAC', () => {
    // AC 1,000,000 and PV 2,958,904 with no progress: CPI = 0, SPI = 0, EAC = BAC / 0 is n/a;
    // atypical = 1,000,000 + 12,000,000 = 13,000,000; TCPI = 12,000,000 / 11,000,000 = 1.0909.
    const pv = plannedValue({ ...project, asOf: '2026-03-31' })
    const r = evm({ bac: project.bac, pv, ac: 1_000_000, percentComplete: 0 })
    expect(r).toMatchObject({ ev: 0, cpi: 0, spi: 0, eac: null, eacCombined: null })
    expect(r.eacAtypical).toBe(13_000_000)
    expect(r.tcpi).toBeCloseTo(1.0909, 4)
  })

  it('project not started: PV 0, every index n/a, TCPI 1', () => {
    const pv = plannedValue({ ...project, asOf: '2025-12-15' })
    expect(pv).toBe(0)
    const r = evm({ bac: project.bac, pv, ac: 0, percentComplete: 0 })
    expect(r).toMatchObject({ cpi: null, spi: null, eac: null, eacCombined: null, tcpi: 1 })
    expect(r.sv).toBe(0)
  })

  it('project finished: PV = EV = BAC, EAC = AC, TCPI n/a once all is spent', () => {
    // After the end, 100% complete, spent 12,600,000: CPI = 12.0/12.6 = 0.9524, SPI = 1,
    // EAC = 12,000,000 / 0.9524 = 12,600,000 = AC, ETC 0, VAC −600,000, combined = AC + 0;
    // TCPI = 0 / −600,000 = 0 (and not −0).
    const pv = plannedValue({ ...project, asOf: '2027-02-01' })
    const r = evm({ bac: project.bac, pv, ac: 12_600_000, percentComplete: 1 })
    expect(r).toMatchObject({ pv: 12_000_000, ev: 12_000_000, spi: 1, eac: 12_600_000, etc: 0 })
    expect(r).toMatchObject({ vac: -600_000, eacAtypical: 12_600_000, eacCombined: 12_600_000 })
    expect(Object.is(r.tcpi, 0)).toBe(true)
    // Finished exactly on budget: TCPI = 0 / 0 is n/a.
    expect(evm({ bac: project.bac, pv, ac: 12_000_000, percentComplete: 1 }).tcpi).toBeNull()
  })

  it('zero budget: n/a wherever it divides by zero, never NaN or Infinity', () => {
    const zero = { ...project, bac: 0 }
    const pv = plannedValue({ ...zero, asOf: '2026-06-30' })
    expect(evm({ bac: 0, pv, ac: 0, percentComplete: 0.5 })).toEqual({
      bac: 0,
      pv: 0,
      ev: 0,
      ac: 0,
      cv: 0,
      sv: 0,
      cpi: null,
      spi: null,
      eac: null,
      eacAtypical: 0,
      eacCombined: null,
      etc: null,
      vac: null,
      tcpi: null,
    })
    // Money spent on it anyway: CPI = 0 / 50,000 = 0, EAC = 0 / 0 n/a, TCPI = 0 / −50,000 = 0.
    const spent = evm({ bac: 0, pv, ac: 50_000, percentComplete: 0.5 })
    expect(spent).toMatchObject({ cpi: 0, spi: null, eac: null, eacAtypical: 50_000, tcpi: 0 })
    expect(Object.is(spent.tcpi, 0)).toBe(true)
  })
})
