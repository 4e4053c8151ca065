import { describe, expect, it } from 'vitest'
import { MIN_COVER } from './capacity-teams.ts'
import { KPI_DEFINITIONS } from './definitions.ts'
import { DAYS_PER_MONTH } from './evm-burn.ts'
import { DEFAULT_RESPONSE_TARGETS } from './incident-response.ts'
import {
  PROJECT_RISK_AWAY_PEOPLE,
  PROJECT_RISK_AWAY_SHARE,
  PROJECT_RISK_UTILIZATION,
} from './project-capacity-risk.ts'
import { DEFAULT_RAG_THRESHOLDS } from './rag.ts'

describe('KPI_DEFINITIONS', () => {
  it('covers the figures the product shows', () => {
    for (const id of [
      'uptime',
      'errorBudget',
      'burnRate',
      'latencyPercentile',
      'mtta',
      'mttd',
      'mttr',
      'mtbf',
      'incidentCounts',
      'incidentDowntime',
      'followUps',
      'responseTargets',
      'slaBreachRate',
      'repeatIncident',
      'incidentBudgetShare',
      'pv',
      'ev',
      'ac',
      'cv',
      'sv',
      'cpi',
      'spi',
      'eac',
      'eacAtypical',
      'eacCombined',
      'forecastCost',
      'etc',
      'vac',
      'tcpi',
      'costBurnRate',
      'runwayMonths',
      'forecastFinish',
      'portfolioEvm',
      'rag',
      'ragHistory',
      'effectiveCapacity',
      'bookingRule',
      'utilization',
      'incidentToil',
      'coverRisk',
      'runChangeSplit',
      'projectCapacityRisk',
      'periodChange',
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

  it('states the capacity thresholds the code uses', () => {
    expect(MIN_COVER).toBe(2)
    expect(KPI_DEFINITIONS.coverRisk.formula).toContain(`fewer than ${MIN_COVER} people`)
    const risk = KPI_DEFINITIONS.projectCapacityRisk.formula
    expect(risk).toContain(`over ${Math.round(PROJECT_RISK_UTILIZATION * 100)}%`)
    expect([PROJECT_RISK_AWAY_SHARE, PROJECT_RISK_AWAY_PEOPLE]).toEqual([0.5, 0.5])
    expect(risk).toContain(
      'at least half of its people are on leave for half their capacity or more',
    )
  })

  it('states the average month the burn rate uses', () => {
    expect(DAYS_PER_MONTH).toBe(30.4375)
    expect(KPI_DEFINITIONS.costBurnRate.notes).toContain(`${DAYS_PER_MONTH} (365.25 / 12)`)
  })

  it('states the default response targets the code uses', () => {
    // 5 min / 4 h … 1 day / 10 days, as DEFAULT_RESPONSE_TARGETS holds them in minutes.
    const formula = KPI_DEFINITIONS.responseTargets.formula
    const words = {
      SEV1: '5 min / 4 h',
      SEV2: '15 min / 8 h',
      SEV3: '1 h / 3 days',
      SEV4: '1 day / 10 days',
    }
    expect(DEFAULT_RESPONSE_TARGETS).toEqual({
      SEV1: { ackMinutes: 5, resolveMinutes: 4 * 60 },
      SEV2: { ackMinutes: 15, resolveMinutes: 8 * 60 },
      SEV3: { ackMinutes: 60, resolveMinutes: 3 * 1440 },
      SEV4: { ackMinutes: 1440, resolveMinutes: 10 * 1440 },
    })
    for (const [severity, text] of Object.entries(words))
      expect(formula).toContain(`${severity} ${text}`)
  })
})
