import { describe, expect, test } from 'vitest'
import { capacityFixture } from '../../testing/overview-fixture.ts'
import { runChangeFixture } from '../../testing/capacity-reads-fixture.ts'
import {
  capacityRows,
  monthLabel,
  runChangeRows,
  runChangeSummary,
  utilizationDomain,
  utilizationLevel,
} from './transform.ts'

const capacity = capacityFixture()

describe('capacity', () => {
  test('teams busiest first, no-capacity teams last', () => {
    const rows = capacityRows(capacity.teams)
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

  test('axis keeps the 100% line in view with headroom', () => {
    expect(utilizationDomain([{ utilizationPct: 85 }])).toEqual([0, 120])
    expect(utilizationDomain([{ utilizationPct: 163 }, { utilizationPct: null }])).toEqual([0, 180])
  })
})

describe('run vs change', () => {
  const data = runChangeFixture()

  test('months as stacked rows: run, support, incidents and project hours', () => {
    expect(runChangeRows(data.months)).toEqual([
      {
        month: '2026-11',
        label: 'Nov 2026',
        run: 150,
        support: 80,
        incidents: 20,
        project: 400,
        runShare: 250 / 650,
      },
      {
        month: '2026-12',
        label: 'Dec 2026',
        run: 160,
        support: 90,
        incidents: 50,
        project: 300,
        runShare: 0.5,
      },
    ])
  })

  test('the chart in words, the range’s split then each month’s', () => {
    expect(runChangeSummary(data)).toBe(
      'Run (run/BAU 310 h, support 170 h, incidents 70 h) 550 h, 44%; change (projects) 700 h, 56%. ' +
        'By month: Nov 2026: run 250 h (38%), change 400 h; Dec 2026: run 300 h (50%), change 300 h.',
    )
  })

  test('a month label that cannot be read stays as it came', () => {
    expect(monthLabel('2027-01')).toBe('Jan 2027')
    expect(monthLabel('soon')).toBe('soon')
  })
})
