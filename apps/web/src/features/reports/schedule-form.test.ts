import { expect, test } from 'vitest'
import { ApiError } from '../../lib/api.ts'
import {
  blankSchedule,
  bodyOf,
  emailsOf,
  formOf,
  namingAddresses,
  patchOf,
  scheduleFieldOf,
  scheduleProblems,
} from './schedule-form.ts'
import type { Schedule } from './schedule-queries.ts'

const saved: Schedule = {
  id: 4,
  name: 'Board pack',
  periodKind: 'month',
  runAtLocal: '08:00',
  emailTo: ['board@example.org'],
  webhookUrl: null,
  shareDays: 30,
  enabled: true,
  nextRunAt: '2027-01-04T08:00:00.000Z',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
}

test('addresses are split by line, comma, semicolon or space', () => {
  expect(emailsOf(' a@x.org,b@x.org;\n c@x.org  d@x.org\n')).toEqual([
    'a@x.org',
    'b@x.org',
    'c@x.org',
    'd@x.org',
  ])
})

test('a schedule must go somewhere, at a time, for 1–365 days', () => {
  expect(scheduleProblems(blankSchedule())).toEqual({
    emailTo: 'Send it somewhere: an email address or a webhook URL',
  })
  const form = { ...blankSchedule(), name: ' ', runAtLocal: '8:00', shareDays: '0' }
  expect(scheduleProblems({ ...form, emailTo: 'ops', webhookUrl: 'ftp://x' })).toEqual({
    name: 'Enter a name',
    runAtLocal: 'A time, HH:MM',
    emailTo: '“ops” is not an email address',
    webhookUrl: 'An http:// or https:// address',
    shareDays: 'Whole days, 1 to 365',
  })
  expect(
    scheduleProblems({ ...blankSchedule(), webhookUrl: 'https://chat.example.org/h' }),
  ).toEqual({})
})

test('a new schedule sends every field; an edit only what changed', () => {
  const form = { ...blankSchedule(), emailTo: 'a@x.org\nb@x.org', webhookUrl: ' ' }
  expect(bodyOf(form)).toEqual({
    name: 'Monthly pack',
    periodKind: 'month',
    runAtLocal: '08:00',
    emailTo: ['a@x.org', 'b@x.org'],
    webhookUrl: null,
    shareDays: 30,
    enabled: true,
  })
  expect(patchOf(formOf(saved), saved)).toEqual({})
  const edited = { ...formOf(saved), runAtLocal: '07:30', webhookUrl: 'https://h.example.org/x' }
  expect(patchOf(edited, saved)).toEqual({
    runAtLocal: '07:30',
    webhookUrl: 'https://h.example.org/x',
  })
})

test('the API’s paths name the field; a refused address is named by what was sent', () => {
  expect(scheduleFieldOf('emailTo.3')).toBe('emailTo')
  expect(scheduleFieldOf('runAtLocal')).toBe('runAtLocal')
  expect(scheduleFieldOf('nextRunAt')).toBeNull()
  const refused = new ApiError(400, 'validation_failed', 'Invalid request', [
    { path: 'json.emailTo.1', message: 'must be an email address' },
    { path: 'json.name', message: 'must not be empty' },
  ])
  expect(namingAddresses(refused, ['a@x.org', 'ops@localhost'])?.details).toEqual([
    { path: 'json.emailTo.1', message: '“ops@localhost” must be an email address' },
    { path: 'json.name', message: 'must not be empty' },
  ])
})
