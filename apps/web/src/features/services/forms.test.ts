import { describe, expect, test } from 'vitest'
import { ApiError } from '../../lib/api.ts'
import { detailFixture } from '../../testing/service-detail-fixture.ts'
import { checkFieldOf, checkFormOf, toCheckPatch } from './check-form.ts'
import {
  attainmentText,
  checkTarget,
  exhaustionText,
  lastCheckText,
  marginText,
  secondsText,
  windowText,
} from './detail-transform.ts'
import { formProblems } from '../../lib/form-problems.ts'
import { blankMaintenance, maintenanceFieldOf, toMaintenanceBody } from './maintenance-form.ts'

const detail = detailFixture()

describe('check form', () => {
  test('an untouched form sends nothing; a change sends only itself', () => {
    const form = checkFormOf(detail.check)
    expect(toCheckPatch(form, detail.check)).toEqual({})
    expect(
      toCheckPatch(
        { ...form, expectedStatuses: '200, 204', timeoutMs: '5000', keyword: ' ok ' },
        detail.check,
      ),
    ).toEqual({ expectedStatuses: [200, 204], timeoutMs: 5000, keyword: 'ok' })
  })

  test('emptied numbers go as NaN (null in JSON) for the API to name', () => {
    const patch = toCheckPatch({ ...checkFormOf(detail.check), intervalSeconds: '' }, detail.check)
    expect(JSON.parse(JSON.stringify(patch))).toEqual({ intervalSeconds: null })
  })

  test('the API’s messages land beside their fields', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid request', [
      { path: 'json.check.timeoutMs', message: 'must be less than the interval (60 s = 60000 ms)' },
      { path: 'json.check.timeoutMs', message: 'must be 100–60000 ms' },
      { path: 'json.name', message: 'must not be empty' },
    ])
    expect(formProblems(error, 'json.check', checkFieldOf)).toEqual({
      fields: {
        timeoutMs: 'Must be less than the interval (60 s = 60000 ms). Must be 100–60000 ms',
      },
      other: 'Not saved: name: must not be empty',
    })
    const plain = new ApiError(403, 'forbidden', 'You do not have permission to do this.')
    expect(formProblems(plain, 'json.check', checkFieldOf).other).toBe(
      'You do not have permission to do this.',
    )
  })
})

describe('maintenance form', () => {
  test('a one-off window is sent as instants from the reader’s clock', () => {
    const form = blankMaintenance(new Date(2026, 10, 27, 15, 30), 'Europe/London')
    expect(form).toMatchObject({ startsAt: '2026-11-28T02:00', endsAt: '2026-11-28T04:00' })
    expect(toMaintenanceBody({ ...form, reason: ' Patching ' })).toEqual({
      startsAt: new Date(2026, 10, 28, 2).toISOString(),
      endsAt: new Date(2026, 10, 28, 4).toISOString(),
      reason: 'Patching',
    })
    // Left out, so the API says it is required.
    expect(toMaintenanceBody({ ...form, endsAt: '' })).not.toHaveProperty('endsAt')
  })

  test('a weekly window is sent on the zone’s clock', () => {
    const form = blankMaintenance(new Date(2026, 10, 27, 15, 30), 'Europe/London')
    expect(toMaintenanceBody({ ...form, kind: 'weekly', reason: 'Patching' })).toEqual({
      weekly: {
        isoWeekday: 7,
        localStart: '02:00',
        durationMinutes: 120,
        timezone: 'Europe/London',
        startsOn: '2026-11-27',
        endsOn: null,
      },
      reason: 'Patching',
    })
  })

  test('field names', () => {
    expect(maintenanceFieldOf('endsAt')).toBe('endsAt')
    expect(maintenanceFieldOf('weekly.startsOn')).toBe('startsOn')
    expect(maintenanceFieldOf('weekly')).toBeNull()
  })
})

describe('detail sentences', () => {
  test('attainment, margin and exhaustion', () => {
    expect(marginText(0.00041)).toBe('+0.041 pts')
    expect(marginText(-0.0012)).toBe('−0.120 pts')
    expect(attainmentText({ met: false, margin: -0.0004 })).toEqual({
      value: 'Missed',
      note: '−0.040 pts against target',
      met: false,
    })
    expect(attainmentText(null).value).toBe('n/a')
    expect(exhaustionText(detail.errorBudget, detail.now)).toBe('Already spent')
    expect(exhaustionText({ ...detail.errorBudget, exhaustsAt: null }, detail.now)).toBe(
      'Not at this rate',
    )
    expect(
      exhaustionText({ ...detail.errorBudget, exhaustsAt: '2026-12-14T09:00:00Z' }, detail.now),
    ).toBe('14 Dec 2026')
  })

  test('the last check and the check’s target in one line', () => {
    expect(lastCheckText(detail.status.lastSample)).toMatch(
      /^27 Nov 2026, \d\d:59 · down · 10 s · timeout after 10000 ms$/,
    )
    expect(lastCheckText(null)).toBe('No check has reported yet.')
    expect(checkTarget(detail.check)).toBe('GET https://payroll.example.org/health expecting 200')
    expect(checkTarget({ ...detail.check, kind: 'tcp', host: 'db1', port: 5432 })).toBe(
      'TCP db1:5432',
    )
    expect(windowText('2026-12-01T02:00:00Z', '2026-12-01T04:00:00Z')).toMatch(
      /^1 Dec 2026, \d\d:00–\d\d:00$/,
    )
    expect(windowText('2026-12-01T02:00:00Z', '2026-12-03T04:00:00Z')).toMatch(
      /^1 Dec 2026, \d\d:00 – 3 Dec 2026, \d\d:00$/,
    )
    expect([30, 60, 300, 3600, 90].map(secondsText)).toEqual([
      '30 s',
      '1 min',
      '5 min',
      '1 h',
      '90 s',
    ])
  })
})
