import { expect, test } from 'vitest'
import { incidentsFixture } from '../../testing/overview-fixture.ts'
import { severityCounts } from './transform.ts'

const incidents = incidentsFixture()

test('incidents open by severity', () => {
  expect(severityCounts(incidents.open).map((s) => [s.severity, s.label, s.count])).toEqual([
    ['SEV1', 'Critical', 1],
    ['SEV2', 'Major', 2],
    ['SEV3', 'Minor', 4],
    ['SEV4', 'Low', 0],
  ])
})
