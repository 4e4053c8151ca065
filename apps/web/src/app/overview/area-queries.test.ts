import { QueryClient } from '@tanstack/react-query'
import { expect, test } from 'vitest'
import { capacityQueries } from '../../features/capacity/queries.ts'
import { incidentsQueries } from '../../features/incidents/queries.ts'
import { projectsQueries } from '../../features/projects/queries.ts'
import { servicesQueries } from '../../features/services/queries.ts'
import {
  budgetsFixture,
  capacityFixture,
  incidentsFixture,
  servicesFixture,
} from '../../testing/overview-fixture.ts'
import { requestedUrls, stubApi } from '../../testing/render-app.tsx'

const range = { from: '2026-11-01', to: '2026-11-30' }
const client = () => new QueryClient()

// Each area's own summary, for its page to come: keyed under the area, so a mutation's
// `meta.invalidates: [['capacity']]` reaches it, and asked of GET /<area>/summary with the range.
test.each([
  ['services', servicesFixture(), () => client().fetchQuery(servicesQueries.summary(range))],
  ['incidents', incidentsFixture(), () => client().fetchQuery(incidentsQueries.summary(range))],
  ['projects', budgetsFixture(), () => client().fetchQuery(projectsQueries.summary(range))],
  ['capacity', capacityFixture(), () => client().fetchQuery(capacityQueries.summary(range))],
] as const)('%s summary', async (area, body, fetchSummary) => {
  const fetch = stubApi({ [`GET /${area}/summary`]: { body } })
  expect(await fetchSummary()).toEqual(body)
  expect(requestedUrls(fetch)[0]?.pathname).toBe(`/api/v1/${area}/summary`)
  expect(requestedUrls(fetch)[0]?.search).toBe('?from=2026-11-01&to=2026-11-30')
})

test('the keys go area → summary → range', () => {
  expect(servicesQueries.summary(range).queryKey).toEqual(['services', 'summary', range])
  expect(capacityQueries.summary(range).queryKey.slice(0, 1)).toEqual(capacityQueries.all())
})
