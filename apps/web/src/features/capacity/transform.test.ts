import { describe, expect, test } from 'vitest'
import { capacityFixture } from '../../testing/overview-fixture.ts'
import { capacityRows, utilizationDomain, utilizationLevel } from './transform.ts'

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
