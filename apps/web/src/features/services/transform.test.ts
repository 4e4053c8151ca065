import { describe, expect, test } from 'vitest'
import { servicesFixture } from '../../testing/overview-fixture.ts'
import {
  sloTargetLabel,
  statusCounts,
  tierChartData,
  tierRows,
  uptimeDecimals,
  uptimeDomain,
} from './transform.ts'

const services = servicesFixture()

describe('services', () => {
  test('status counts in a fixed, readable order', () => {
    expect(statusCounts(services.byStatus).map((s) => `${s.label} ${s.count}`)).toEqual([
      'Up 19',
      'Degraded 2',
      'Down 1',
      'Maintenance 1',
      'No data 1',
    ])
  })

  test('tiers sorted and labelled, with the health the server computed', () => {
    const rows = tierRows(services.byTier)
    expect(rows.map((r) => [r.label, r.target, r.health])).toEqual([
      ['Tier 1', '99.9%', 'meeting'],
      ['Tier 2', '99.5–99.9%', 'partly'],
      ['Tier 3', '99%', 'no-data'],
    ])
    // Not recomputed here: the rule is tierSloHealth in packages/kpi.
    const breaching = { ...services.byTier[0]!, health: 'breaching' as const }
    expect(tierRows([breaching])[0]?.health).toBe('breaching')
  })

  test('SLO target labels', () => {
    expect(sloTargetLabel(0.9995, 0.9995)).toBe('99.95%')
    expect(sloTargetLabel(null, null)).toBe('n/a')
  })

  test('chart data in percent, keeping no-data as null (not 0)', () => {
    const data = tierChartData(tierRows(services.byTier))
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
