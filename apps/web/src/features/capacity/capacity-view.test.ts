import { expect, test } from 'vitest'
import { gridQuery, parseCapacityView, withCapacityView } from './capacity-view.ts'

test('the view round-trips through the URL, keeping the range and leaving defaults out', () => {
  const params = new URLSearchParams('range=30d')
  const view = { team: 'platform', role: 'SRE', tentative: true }
  const written = withCapacityView(params, view)
  expect(written.toString()).toBe('range=30d&team=platform&role=SRE&tentative=1')
  expect(parseCapacityView(written)).toEqual(view)
  expect(withCapacityView(written, { team: null, role: null, tentative: false }).toString()).toBe(
    'range=30d',
  )
})

test('anything malformed falls back to every team and role, confirmed work only', () => {
  expect(parseCapacityView(new URLSearchParams('team=%20&role=&tentative=yes'))).toEqual({
    team: null,
    role: null,
    tentative: false,
  })
})

test('the heatmap’s query says the what-if either way, and the filters only when set', () => {
  expect(gridQuery({ team: null, role: null, tentative: false })).toEqual({
    includeTentative: 'false',
  })
  expect(gridQuery({ team: 'platform', role: 'SRE', tentative: true })).toEqual({
    includeTentative: 'true',
    team: 'platform',
    role: 'SRE',
  })
})
