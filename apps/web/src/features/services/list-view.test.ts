import { describe, expect, test } from 'vitest'
import { SERVICE_SORT_KEYS, SORT_COLUMNS } from './list-columns.ts'
import { clearFilters, hasFilters, nextSort, parseListView, withListView } from './list-view.ts'
import { toListQuery } from './queries.ts'

const parse = (search: string) => parseListView(new URLSearchParams(search))

describe('the list view in the URL', () => {
  test('filters and sort round-trip, keeping the range', () => {
    const view = parse(
      'range=7d&status=down&tier=1&team=applications&q=pay&sort=uptime30d&order=desc',
    )
    expect(view).toEqual({
      status: 'down',
      tier: 1,
      team: 'applications',
      q: 'pay',
      sort: 'uptime30d',
      order: 'desc',
    })
    const params = withListView(new URLSearchParams('range=7d'), view)
    expect(params.toString()).toBe(
      'range=7d&status=down&tier=1&team=applications&q=pay&sort=uptime30d&order=desc',
    )
    expect(parseListView(params)).toEqual(view)
  })

  test('malformed values fall back to no filter and the default sort', () => {
    expect(parse('status=sideways&tier=4&sort=colour&order=up&q=%20%20')).toEqual({
      sort: 'status',
      order: 'asc',
    })
    // An order without a known sort is ignored with it.
    expect(parse('order=desc')).toEqual({ sort: 'status', order: 'asc' })
  })

  test('the default view writes nothing, so the plain URL stays plain', () => {
    expect(withListView(new URLSearchParams('range=30d&sort=name'), parse('')).toString()).toBe(
      'range=30d',
    )
  })

  test('a header click flips its own column, starts another in its first order', () => {
    const view = parse('sort=uptime30d&order=asc')
    expect(nextSort(view, 'uptime30d', 'asc')).toMatchObject({ sort: 'uptime30d', order: 'desc' })
    expect(nextSort(view, 'burnRate', SORT_COLUMNS.burnRate.firstOrder)).toMatchObject({
      sort: 'burnRate',
      order: 'desc',
    })
  })

  test('clearing filters keeps the sort', () => {
    const view = parse('status=down&q=x&sort=p95&order=desc')
    expect(hasFilters(view)).toBe(true)
    expect(clearFilters(view)).toEqual({ sort: 'p95', order: 'desc' })
    expect(hasFilters(clearFilters(view))).toBe(false)
  })

  test('the API is asked for exactly the view', () => {
    expect(toListQuery(parse('tier=2&team=apps&sort=name&order=desc'))).toEqual({
      tier: '2',
      team: 'apps',
      sort: 'name',
      order: 'desc',
    })
  })

  test('every API sort has a header', () => {
    expect(SERVICE_SORT_KEYS).toContain('budgetRemaining')
    for (const key of SERVICE_SORT_KEYS) expect(SORT_COLUMNS[key].label).not.toBe('')
  })
})
