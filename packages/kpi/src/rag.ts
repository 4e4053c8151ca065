import type { RagStatus } from '@opsdeck/contract'
import type { EvmResult } from './evm.ts'
import { ratio } from './ratio.ts'

// The colours (and their labels) are the contract's, shared with the SPA.
export type { RagStatus }
export type Rag = { status: RagStatus; reason: string }

// A level fires when CPI or SPI falls below its value, or EAC / BAC rises above eacOverBac.
// Same shape as organisation_settings.rag_thresholds.
export type RagLevelThresholds = { cpi: number; spi: number; eacOverBac: number }
export type RagThresholds = { red: RagLevelThresholds; amber: RagLevelThresholds }

export const DEFAULT_RAG_THRESHOLDS: RagThresholds = {
  red: { cpi: 0.85, spi: 0.85, eacOverBac: 1.1 },
  amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1.0 },
}

// Fewest decimals in [min, max] that show x exactly (0.85 → "0.85", 0.875 → "0.875").
function exact(x: number, min: number, max: number): string {
  for (let d = min; d < max; d++) {
    if (Math.abs(Number(x.toFixed(d)) - x) < 1e-9) return x.toFixed(d)
  }
  return x.toFixed(max)
}

// Enough decimals that the value does not print as the limit it crossed ("0.849 < 0.85", not
// "0.85 < 0.85").
function beside(x: number, limit: number, min: number, max: number): string {
  for (let d = min; d < max; d++) {
    if (Math.abs(Number(x.toFixed(d)) - limit) > 1e-9) return x.toFixed(d)
  }
  return x.toFixed(max)
}

function check(
  evm: Pick<EvmResult, 'cpi' | 'spi'>,
  eacOverBac: number | null,
  level: RagLevelThresholds,
): string | null {
  const { cpi, spi } = evm
  if (cpi !== null && cpi < level.cpi) {
    return `CPI ${beside(cpi, level.cpi, 2, 4)} < ${exact(level.cpi, 2, 4)}`
  }
  if (spi !== null && spi < level.spi) {
    return `SPI ${beside(spi, level.spi, 2, 4)} < ${exact(level.spi, 2, 4)}`
  }
  if (eacOverBac !== null && eacOverBac > level.eacOverBac) {
    const shown = beside(eacOverBac * 100, level.eacOverBac * 100, 0, 2)
    return `EAC ${shown}% of BAC > ${exact(level.eacOverBac * 100, 0, 2)}%`
  }
  return null
}

// Red rules first, then amber; the reason names the first rule that fired. The EAC rule uses the
// typical EAC (BAC / CPI), so by default any CPI below 1.00 is at least amber.
export function rag(
  evm: Pick<EvmResult, 'bac' | 'cpi' | 'spi' | 'eac'>,
  thresholds: RagThresholds = DEFAULT_RAG_THRESHOLDS,
): Rag {
  if (evm.cpi === null && evm.spi === null) return { status: 'grey', reason: 'not enough data' }
  const eacOverBac = ratio(evm.eac, evm.bac)
  const red = check(evm, eacOverBac, thresholds.red)
  if (red !== null) return { status: 'red', reason: red }
  const amber = check(evm, eacOverBac, thresholds.amber)
  if (amber !== null) return { status: 'amber', reason: amber }
  const show = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2))
  return { status: 'green', reason: `CPI ${show(evm.cpi)}, SPI ${show(evm.spi)} within thresholds` }
}
