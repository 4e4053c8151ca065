import { expect, test } from 'vitest'
import { overviewFixture } from '../../testing/overview-fixture.ts'
import { attentionCounts, attentionLink, isEmptyOverview } from './transform.ts'

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

test('an attention item links with the range being viewed', () => {
  expect(attentionLink('/services/checkout', { preset: '7d' })).toEqual({
    pathname: '/services/checkout',
    search: '?range=7d',
  })
  expect(attentionLink('/services/checkout', { from: '2026-11-01', to: '2026-11-30' })).toEqual({
    pathname: '/services/checkout',
    search: '?from=2026-11-01&to=2026-11-30',
  })
  // A capacity item opens a view of the Capacity page: its query is kept.
  expect(attentionLink('/capacity?team=infra&tentative=1', { preset: '7d' })).toEqual({
    pathname: '/capacity',
    search: '?team=infra&tentative=1&range=7d',
  })
})

test('attention counts say how many of each severity, in words', () => {
  const items = overviewFixture().attention
  expect(attentionCounts(items)).toBe('2 critical · 1 warning')
  expect(attentionCounts([...items, ...items])).toBe('4 critical · 2 warnings')
  expect(attentionCounts(items.filter((i) => i.severity === 'warning'))).toBe('1 warning')
  expect(attentionCounts([])).toBe('')
})
