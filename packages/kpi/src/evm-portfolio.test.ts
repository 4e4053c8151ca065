import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evmFromValues, forecastCost } from './evm.ts'
import { portfolioEvm } from './evm-portfolio.ts'

// A: BAC 10,000,000, EV 4,000,000, AC 5,000,000, PV 4,500,000 → CPI 0.8, EAC 12,500,000.
// B: BAC 2,000,000, EV 1,000,000, AC 500,000, PV 1,000,000 → CPI 2.0, EAC 1,000,000.
// C: BAC 4,000,000, nothing earned or spent, PV 300,000 → CPI n/a, forecast = BAC 4,000,000.
const a = evmFromValues({ bac: 10_000_000, pv: 4_500_000, ev: 4_000_000, ac: 5_000_000 })
const b = evmFromValues({ bac: 2_000_000, pv: 1_000_000, ev: 1_000_000, ac: 500_000 })
const c = evmFromValues({ bac: 4_000_000, pv: 300_000, ev: 0, ac: 0 })

describe('portfolioEvm', () => {
  it('sums money and recomputes indices from the sums', () => {
    // ΣBAC 16,000,000; ΣPV 5,800,000; ΣEV 5,000,000; ΣAC 5,500,000; CV −500,000; SV −800,000.
    // CPI = 5.0/5.5 = 0.9091; SPI = 5.0/5.8 = 0.8621; TCPI = 11.0/10.5 = 1.0476.
    // EAC = 12,500,000 + 1,000,000 + 4,000,000 = 17,500,000 (not ΣBAC / CPI = 17,600,000);
    // ETC = 12,000,000; VAC = −1,500,000; atypical = 5,500,000 + 11,000,000 = 16,500,000;
    // combined = 5,500,000 + 11,000,000 / (25/31.9) = 5,500,000 + 14,036,000 = 19,536,000.
    const p = portfolioEvm([a, b, c])
    expect(p).toMatchObject({
      bac: 16_000_000,
      pv: 5_800_000,
      ev: 5_000_000,
      ac: 5_500_000,
      cv: -500_000,
      sv: -800_000,
      eac: 17_500_000,
      etc: 12_000_000,
      vac: -1_500_000,
      eacAtypical: 16_500_000,
      eacCombined: 19_536_000,
    })
    expect(p.cpi).toBeCloseTo(5 / 5.5, 12)
    expect(p.spi).toBeCloseTo(5 / 5.8, 12)
    expect(p.tcpi).toBeCloseTo(11 / 10.5, 12)
  })

  it('is not the average of the projects’ CPIs', () => {
    // Mean of A's 0.8 and B's 2.0 is 1.4; the portfolio earns 5.0 per 5.5 spent = 0.9091.
    const p = portfolioEvm([a, b])
    expect(((a.cpi ?? 0) + (b.cpi ?? 0)) / 2).toBeCloseTo(1.4, 12)
    expect(p.cpi).toBeCloseTo(5 / 5.5, 12)
    expect(p.spi).toBeCloseTo(5 / 5.5, 12)
  })

  it('is zero money and n/a indices for no projects', () => {
    expect(portfolioEvm([])).toEqual({
      bac: 0,
      pv: 0,
      ev: 0,
      ac: 0,
      cv: 0,
      sv: 0,
      cpi: null,
      spi: null,
      eac: 0,
      eacAtypical: 0,
      eacCombined: null,
      etc: 0,
      vac: 0,
      tcpi: null,
    })
  })

  const pence = fc.integer({ min: 0, max: 1_000_000_000 })
  // Progress is recorded as a percentage with two decimals (0.01% steps), so EV, when not 0, is at
  // least BAC / 10,000: EAC stays within safe integers. A free double let EV be 1p of a £1.6m
  // budget, an EAC of 1e16 where float sums are no longer exact.
  const percent = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)
  const project = fc
    .tuple(pence, pence, pence, percent)
    .map(([bac, pv, ac, pc]) => evmFromValues({ bac, pv, ac, ev: Math.round(bac * (pc / 100)) }))

  it('of one project is that project (its forecast standing in for an n/a EAC)', () => {
    fc.assert(
      fc.property(project, (r) => {
        const p = portfolioEvm([r])
        const eac = forecastCost(r)
        expect(p).toEqual({ ...r, eac, etc: eac - r.ac, vac: r.bac - eac })
      }),
    )
  })

  it('has a CPI between its projects’ lowest and highest when each has spent', () => {
    const spent = project.filter((r) => r.ac > 0)
    fc.assert(
      fc.property(fc.array(spent, { minLength: 1, maxLength: 6 }), (rs) => {
        const cpis = rs.map((r) => r.cpi ?? Number.NaN)
        const cpi = portfolioEvm(rs).cpi ?? Number.NaN
        expect(cpi).toBeGreaterThanOrEqual(Math.min(...cpis) * (1 - 1e-12))
        expect(cpi).toBeLessThanOrEqual(Math.max(...cpis) * (1 + 1e-12))
      }),
    )
  })

  it('adds up: EAC = ETC + AC, VAC = BAC − EAC, EAC = Σ forecasts, order irrelevant', () => {
    fc.assert(
      fc.property(fc.array(project, { maxLength: 6 }), (rs) => {
        const p = portfolioEvm(rs)
        expect(p.eac).toBe((p.etc ?? Number.NaN) + p.ac)
        expect(p.vac).toBe(p.bac - (p.eac ?? Number.NaN))
        expect(p.eac).toBe(rs.reduce((sum, r) => sum + forecastCost(r), 0))
        expect(portfolioEvm([...rs].reverse())).toEqual(p)
        for (const v of Object.values(p)) if (v !== null) expect(Number.isFinite(v)).toBe(true)
      }),
    )
  })
})
