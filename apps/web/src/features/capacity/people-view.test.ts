import { expect, test } from 'vitest'
import {
  DEFAULT_PEOPLE_VIEW,
  hasPeopleFilters,
  parsePeopleView,
  peopleQuery,
  withPeopleView,
} from './people-view.ts'

test('a view round-trips through the URL, the range kept and defaults left out', () => {
  const view = { q: 'sam', team: 'platform', role: 'SRE', includeLeft: true }
  const params = withPeopleView(new URLSearchParams('range=30d&q=old'), view)
  expect(params.toString()).toBe('range=30d&q=sam&team=platform&role=SRE&left=1')
  expect(parsePeopleView(params)).toEqual(view)
  expect(withPeopleView(params, DEFAULT_PEOPLE_VIEW).toString()).toBe('range=30d')
})

test('blank or malformed params are no filter', () => {
  const view = parsePeopleView(new URLSearchParams('q=%20%20&team=&left=yes'))
  expect(view).toEqual(DEFAULT_PEOPLE_VIEW)
  expect(hasPeopleFilters(view)).toBe(false)
  expect(hasPeopleFilters({ ...view, includeLeft: true })).toBe(true)
})

test('the API is asked only for what is set', () => {
  expect(peopleQuery(DEFAULT_PEOPLE_VIEW)).toEqual({})
  expect(peopleQuery({ q: 'sam', team: null, role: 'SRE', includeLeft: true })).toEqual({
    q: 'sam',
    role: 'SRE',
    includeLeft: 'true',
  })
})
