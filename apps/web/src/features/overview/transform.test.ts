import { describe, expect, test } from 'vitest'
import { overviewFixture } from './test-fixture.ts'
import {
  budgetShares,
  capacityRows,
  capacitySummary,
  isEmptyOverview,
  ragCounts,
  severityCounts,
  sloTargetLabel,
  statusCounts,
  tierChartData,
  tierRows,
  uptimeDecimals,
  uptimeDomain,
  utilizationDomain,
  utilizationLevel,
} from './transform.ts'

const o = overviewFixture()

describe('services', () => {
  test('status counts in a fixed, readable order', () => {
    expect(statusCounts(o.services.byStatus).map((s) => `${s.label} ${s.count}`)).toEqual([
      'Up 19',
      'Degraded 2',
      'Down 1',
      'Maintenance 1',
      'Unknown 1',
    ])
  })

  test('tiers sorted, labelled, with pooled uptime against their targets', () => {
    const rows = tierRows(o.services.byTier)
    expect(rows.map((r) => [r.label, r.target, r.health])).toEqual([
      ['Tier 1', '99.9%', 'meeting'],
      ['Tier 2', '99.5–99.9%', 'partly'],
      ['Tier 3', '99%', 'no-data'],
    ])
    const below = { ...o.services.byTier[0]!, uptime: 0.994 }
    expect(tierRows([below])[0]?.health).toBe('breaching')
    const exactlyOnTarget = { ...o.services.byTier[0]!, uptime: 0.999, sloTargetMax: 0.999 }
    expect(tierRows([exactlyOnTarget])[0]?.health).toBe('meeting')
  })

  test('SLO target labels', () => {
    expect(sloTargetLabel(0.9995, 0.9995)).toBe('99.95%')
    expect(sloTargetLabel(null, null)).toBe('n/a')
  })

  test('chart data in percent, keeping no-data as null (not 0)', () => {
    const data = tierChartData(tierRows(o.services.byTier))
    expect(data[0]).toEqual({ label: 'Tier 1', uptime: 99.953, target: 99.9, health: 'meeting' })
    expect(data[2]).toMatchObject({ uptime: null, target: 99 })
  })

  test('uptime axis starts at a round floor below every bar and target', () => {
    expect(uptimeDomain([{ uptime: 99.95, target: 99.9 }])).toEqual([99.5, 100])
    expect(uptimeDomain([{ uptime: 97.2, target: 99 }])).toEqual([95, 100])
    expect(uptimeDomain([{ uptime: null, target: null }])).toEqual([0, 100])
  })

  test('uptime decimals', () => {
    expect(uptimeDecimals(0.9995)).toBe(3)
    expect(uptimeDecimals(0.997)).toBe(2)
    expect(uptimeDecimals(null)).toBe(2)
  })
})

test('incidents open by severity', () => {
  expect(severityCounts(o.incidents.open).map((s) => [s.severity, s.label, s.count])).toEqual([
    ['SEV1', 'Critical', 1],
    ['SEV2', 'Major', 2],
    ['SEV3', 'Minor', 4],
    ['SEV4', 'Low', 0],
  ])
})

describe('budgets', () => {
  test('RAG counts', () => {
    expect(ragCounts(o.budgets.rag).map((r) => r.count)).toEqual([2, 3, 3, 1])
  })
  test('spend and forecast as shares of the budget', () => {
    const s = budgetShares(o.budgets)
    expect(s.spent).toBeCloseTo(0.4586, 4)
    expect(s.forecast).toBeCloseTo(1.0751, 4)
    expect(s.overrun).toBe(true)
  })
  test('no budget means n/a shares, not Infinity', () => {
    expect(budgetShares({ bac: 0, ac: 500, eac: 0, vac: 0 })).toEqual({
      spent: null,
      forecast: null,
      overrun: false,
    })
  })
})

describe('capacity', () => {
  test('teams busiest first, no-capacity teams last', () => {
    const rows = capacityRows(o.capacity.teams)
    expect(rows.map((r) => [r.name, r.utilizationPct, r.level])).toEqual([
      ['Platform', 110, 'over'],
      ['Service Desk', 85, 'ok'],
      ['Data', null, 'no-data'],
    ])
  })

  test('levels at the boundaries', () => {
    expect(utilizationLevel(1)).toBe('high')
    expect(utilizationLevel(1.0001)).toBe('over')
    expect(utilizationLevel(0.9)).toBe('high')
    expect(utilizationLevel(0.49)).toBe('low')
    expect(utilizationLevel(null)).toBe('no-data')
  })

  test('summary is the utilization of the sums', () => {
    const s = capacitySummary(o.capacity.teams)
    expect(s).toMatchObject({
      people: 14,
      allocatedHours: 469,
      effectiveHours: 490,
      overAllocatedPeople: 2,
    })
    expect(s.utilization).toBeCloseTo(469 / 490, 6)
    expect(capacitySummary([]).utilization).toBeNull()
  })

  test('axis keeps the 100% line in view with headroom', () => {
    expect(utilizationDomain([{ utilizationPct: 85 }])).toEqual([0, 120])
    expect(utilizationDomain([{ utilizationPct: 163 }, { utilizationPct: null }])).toEqual([0, 180])
  })
})

test('an overview with nothing in it is empty', () => {
  const empty = overviewFixture()
  empty.services = { ...empty.services, total: 0, byTier: [] }
  empty.incidents = {
    ...empty.incidents,
    open: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0, total: 0 },
    startedInRange: 0,
  }
  empty.budgets = { ...empty.budgets, projects: 0 }
  empty.capacity = { ...empty.capacity, teams: [] }
  expect(isEmptyOverview(empty)).toBe(true)
  expect(isEmptyOverview(o)).toBe(false)
})
