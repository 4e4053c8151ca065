import { expect, test } from 'vitest'
import { incidentsFixture } from '../../testing/overview-fixture.ts'
import { incidentsLink, severityCounts } from './transform.ts'

const incidents = incidentsFixture()

test('incidents open by severity', () => {
  expect(severityCounts(incidents.open).map((s) => [s.severity, s.label, s.count])).toEqual([
    ['SEV1', 'Critical', 1],
    ['SEV2', 'Major', 2],
    ['SEV3', 'Minor', 4],
    ['SEV4', 'Low', 0],
  ])
})

test('links to the Incidents list keep the range and set only the filters given', () => {
  expect(incidentsLink('?range=7d')).toEqual({ pathname: '/incidents', search: '?range=7d' })
  expect(incidentsLink('?from=2026-11-01&to=2026-11-30', { status: 'open' })).toEqual({
    pathname: '/incidents',
    search: '?from=2026-11-01&to=2026-11-30&status=open',
  })
  expect(incidentsLink('', { status: 'open', severity: 'SEV2' })).toEqual({
    pathname: '/incidents',
    search: '?status=open&severity=SEV2',
  })
  // A filter already in the URL is not carried into a link that does not ask for it.
  expect(incidentsLink('?range=30d&severity=SEV1&status=open')).toEqual({
    pathname: '/incidents',
    search: '?range=30d',
  })
  expect(incidentsLink('')).toEqual({ pathname: '/incidents', search: '' })
})
