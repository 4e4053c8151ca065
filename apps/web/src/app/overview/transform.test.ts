import { expect, test } from 'vitest'
import { overviewFixture } from '../../testing/overview-fixture.ts'
import { isEmptyOverview } from './transform.ts'

const o = overviewFixture()

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
