import { describe, expect, it } from 'vitest'
import { KPI_DEFINITIONS } from './definitions.ts'
import { DEFAULT_RAG_THRESHOLDS } from './rag.ts'

describe('KPI_DEFINITIONS', () => {
  it('covers the figures the product shows', () => {
    for (const id of [
      'uptime',
      'errorBudget',
      'burnRate',
      'latencyPercentile',
      'mtta',
      'mttr',
      'mtbf',
      'cpi',
      'spi',
      'eac',
      'tcpi',
      'rag',
      'utilization',
    ]) {
      expect(Object.keys(KPI_DEFINITIONS)).toContain(id)
    }
  })

  it('keys each definition by its own id, with a name and a formula', () => {
    for (const [key, def] of Object.entries(KPI_DEFINITIONS)) {
      expect(def.id).toBe(key)
      expect(def.name.length).toBeGreaterThan(0)
      expect(def.formula.length).toBeGreaterThan(0)
    }
  })

  it('states the default RAG thresholds the code uses', () => {
    const { red, amber } = DEFAULT_RAG_THRESHOLDS
    const formula = KPI_DEFINITIONS.rag.formula
    expect(formula).toContain(
      `CPI < ${red.cpi}, SPI < ${red.spi} or EAC > ${Math.round(red.eacOverBac * 100)}%`,
    )
    expect(formula).toContain(`CPI < ${amber.cpi}, SPI < ${amber.spi} or EAC > 100%`)
    expect(amber.eacOverBac).toBe(1)
  })
})
