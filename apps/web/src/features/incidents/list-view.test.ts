import { describe, expect, test } from 'vitest'
import { hasFilters, parseIncidentsView, toListQuery, withIncidentsView } from './list-view.ts'

const parse = (search: string) => parseIncidentsView(new URLSearchParams(search))

describe('the incidents view in the URL', () => {
  test('reads each filter, and drops what is malformed rather than sending it', () => {
    expect(parse('status=open&severity=SEV1&service=payroll&team=apps&q=%20vpn%20')).toEqual({
      status: 'open',
      severity: 'SEV1',
      service: 'payroll',
      team: 'apps',
      q: 'vpn',
    })
    expect(parse('status=all&severity=SEV9&service=Not%20A%20Slug&team=&q=')).toEqual({})
    expect(parse('q=' + 'x'.repeat(150)).q).toHaveLength(100)
  })

  test('writes the filters and keeps every other param (the range)', () => {
    const next = withIncidentsView(new URLSearchParams('range=7d&status=ended&q=old'), {
      severity: 'SEV2',
      service: 'vpn',
    })
    expect(next.toString()).toBe('range=7d&severity=SEV2&service=vpn')
    expect(withIncidentsView(next, {}).toString()).toBe('range=7d')
  })

  test('round-trips', () => {
    const view = { status: 'ended', severity: 'SEV4', team: 'infra', q: 'disk' } as const
    expect(parse(withIncidentsView(new URLSearchParams(), view).toString())).toEqual(view)
  })

  test('no filters means all incidents, open first; the cursor follows the first page', () => {
    expect(hasFilters({})).toBe(false)
    expect(hasFilters({ q: 'x' })).toBe(true)
    expect(toListQuery({}, undefined)).toEqual({ status: 'all' })
    expect(toListQuery({ status: 'open', service: 'payroll' }, 'abc')).toEqual({
      status: 'open',
      service: 'payroll',
      cursor: 'abc',
    })
  })
})
