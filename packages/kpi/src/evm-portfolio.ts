import { forecastCost } from './evm.ts'
import type { EvmResult } from './evm.ts'
import { ratio } from './ratio.ts'

// The portfolio's figures: money summed over the projects, every index recomputed from the sums
// (an average of CPIs would let a small project outvote a large one). EAC sums each project's
// forecast cost (typical EAC, or BAC while that is n/a), so a project with no cost yet still counts.
export function portfolioEvm(projects: readonly EvmResult[]): EvmResult {
  let bac = 0
  let pv = 0
  let ev = 0
  let ac = 0
  let eac = 0
  for (const p of projects) {
    bac += p.bac
    pv += p.pv
    ev += p.ev
    ac += p.ac
    eac += forecastCost(p)
  }
  const cpi = ratio(ev, ac)
  const spi = ratio(ev, pv)
  const combinedIndex = cpi === null || spi === null ? null : cpi * spi
  const eacCombinedRest = ratio(bac - ev, combinedIndex)
  const tcpi = ratio(bac - ev, bac - ac)
  return {
    bac,
    pv,
    ev,
    ac,
    cv: ev - ac,
    sv: ev - pv,
    cpi,
    spi,
    eac,
    eacAtypical: ac + (bac - ev),
    eacCombined: eacCombinedRest === null ? null : Math.round(ac + eacCombinedRest),
    etc: eac - ac,
    vac: bac - eac,
    tcpi: tcpi === 0 ? 0 : tcpi,
  }
}
