import { describe, expect, test } from 'vitest'
import { ApiError } from '../../lib/api.ts'
import { settingsFixture } from '../../testing/settings-fixture.ts'
import { dailyRollupsMessage, fieldProblems, formOf, toPatch } from './transform.ts'

describe('formOf and toPatch', () => {
  test('an untouched form is an empty patch: nothing is sent, no zone changed', () => {
    const saved = settingsFixture()
    expect(toPatch(formOf(saved), saved)).toEqual({})
  })

  test('EAC / BAC is edited as a percentage and sent as a ratio, to 0.1%', () => {
    const saved = settingsFixture()
    const form = formOf(saved)
    expect(form.rag.red.eacPercent).toBe('110')
    form.rag.amber.eacPercent = '107.5'
    expect(toPatch(form, saved)).toEqual({
      ragThresholds: { ...saved.ragThresholds, amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1.075 } },
    })
  })

  test('names are trimmed; an empty number goes as NaN for the API to name', () => {
    const saved = settingsFixture()
    const form = { ...formOf(saved), name: '  Borsetshire Council  ', workingDaysPerWeek: ' ' }
    const patch = toPatch(form, saved)
    expect(patch).toEqual({ workingDaysPerWeek: NaN })
    expect(JSON.stringify(patch)).toBe('{"workingDaysPerWeek":null}')
  })
})

test('the raw-sample retention is sent when changed, as a number of days', () => {
  const saved = settingsFixture()
  expect(formOf(saved).rawSampleRetentionDays).toBe('30')
  expect(toPatch({ ...formOf(saved), rawSampleRetentionDays: '90' }, saved)).toEqual({
    rawSampleRetentionDays: 90,
  })
  const refused = new ApiError(400, 'validation_failed', 'Invalid request: …', [
    { path: 'json.rawSampleRetentionDays', message: 'Too big: expected number to be <=400' },
  ])
  expect(fieldProblems(refused).fields).toEqual({
    rawSampleRetentionDays: 'Too big: expected number to be <=400',
  })
})

describe('fieldProblems', () => {
  const refusal = (details: unknown) =>
    new ApiError(400, 'validation_failed', 'Invalid request: …', details)

  test('places each detail beside its input, EAC / BAC on the percentage', () => {
    const { fields, other } = fieldProblems(
      refusal([
        { path: 'json.currency', message: 'must be an ISO 4217 currency code, e.g. GBP' },
        { path: 'json.ragThresholds.amber.eacOverBac', message: 'must be from 1 to 3' },
        { path: 'json.ragThresholds.amber', message: 'expected object' },
      ]),
    )
    expect(fields).toEqual({
      currency: 'Must be an ISO 4217 currency code, e.g. GBP',
      'rag.amber.eacPercent': 'Must be from 1 to 3',
      rag: 'Expected object',
    })
    expect(other).toBeNull()
  })

  test('places every message for a field beside it, in order, none in the form alert', () => {
    const { fields, other } = fieldProblems(
      refusal([
        { path: 'json.ragThresholds.red.eacOverBac', message: 'must be from 1 to 3' },
        { path: 'json.timezone', message: 'Asia/Kolkata is UTC+05:30.' },
        {
          path: 'json.ragThresholds.red.eacOverBac',
          message: "red EAC limit 99% of BAC must be above amber's 100%",
        },
        { path: 'json.timezone', message: 'not in the database' },
      ]),
    )
    expect(fields).toEqual({
      'rag.red.eacPercent':
        "Must be from 1 to 3. Red EAC limit 99% of BAC must be above amber's 100%",
      timezone: 'Asia/Kolkata is UTC+05:30. Not in the database',
    })
    expect(other).toBeNull()
  })

  test('says what it cannot place, and a refusal without details in its own words', () => {
    expect(fieldProblems(refusal([{ path: 'json', message: 'Unrecognized key: "x"' }]))).toEqual({
      fields: {},
      other: 'The settings were not saved: Unrecognized key: "x"',
    })
    const forbidden = new ApiError(403, 'forbidden', 'Admins only')
    expect(fieldProblems(forbidden)).toEqual({ fields: {}, other: 'Admins only' })
    expect(fieldProblems(null)).toEqual({ fields: {}, other: null })
  })
})

test('dailyRollupsMessage', () => {
  expect(dailyRollupsMessage({ timezone: 'Europe/London', rebuilding: false })).toBe('')
  expect(dailyRollupsMessage({ timezone: 'Europe/London', rebuilding: true })).toBe(
    ' Daily figures are being re-labelled into the new time zone in the background; figures stay exact meanwhile.',
  )
})
