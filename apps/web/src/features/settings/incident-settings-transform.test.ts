import { describe, expect, test } from 'vitest'
import { ApiError } from '../../lib/api.ts'
import { incidentSettingsFixture } from '../../testing/settings-fixture.ts'
import {
  checkTargets,
  defaultTargetsForm,
  durationOf,
  labelProblems,
  minutesOf,
  targetProblems,
  targetsChanged,
  targetsFormOf,
  toLabelsPatch,
  toTargetsPut,
} from './incident-settings-transform.ts'

const saved = incidentSettingsFixture().targets

describe('durations as a number and a unit', () => {
  test('minutes show in the largest unit that holds them whole', () => {
    expect(durationOf(5)).toEqual({ amount: '5', unit: 'minutes' })
    expect(durationOf(90)).toEqual({ amount: '90', unit: 'minutes' })
    expect(durationOf(240)).toEqual({ amount: '4', unit: 'hours' })
    expect(durationOf(4320)).toEqual({ amount: '3', unit: 'days' })
    expect(durationOf(2160)).toEqual({ amount: '36', unit: 'hours' })
  })

  test('are read back as minutes, a decimal of an hour without float dust', () => {
    expect(minutesOf({ amount: '1.5', unit: 'hours' })).toBe(90)
    expect(minutesOf({ amount: '1.1', unit: 'hours' })).toBe(66)
    expect(minutesOf({ amount: '10', unit: 'days' })).toBe(14_400)
    expect(minutesOf({ amount: ' ', unit: 'hours' })).toBeNaN()
    expect(minutesOf({ amount: '0.25', unit: 'minutes' })).toBe(0.25)
  })
})

describe('response targets form', () => {
  test('the saved targets round-trip: nothing changed, nothing sent', () => {
    const put = toTargetsPut(targetsFormOf(saved))
    expect(put.targets).toEqual(saved)
    expect(targetsChanged(put, saved)).toBe(false)
    expect(targetsChanged(toTargetsPut(defaultTargetsForm()), saved)).toBe(false)
  })

  test('the same minutes in another unit are no change; other minutes are', () => {
    const form = targetsFormOf(saved)
    form.SEV1.resolve = { amount: '240', unit: 'minutes' }
    expect(targetsChanged(toTargetsPut(form), saved)).toBe(false)
    form.SEV3.ack = { amount: '2', unit: 'hours' }
    const put = toTargetsPut(form)
    expect(put.targets[2]).toEqual({ severity: 'SEV3', ackMinutes: 120, resolveMinutes: 4320 })
    expect(targetsChanged(put, saved)).toBe(true)
  })

  test('a severity the API left out shows its default', () => {
    const form = targetsFormOf(saved.slice(0, 3))
    expect(form.SEV4).toEqual({
      ack: { amount: '1', unit: 'days' },
      resolve: { amount: '10', unit: 'days' },
    })
  })

  test('checks what the API would refuse, in the units typed', () => {
    const form = targetsFormOf(saved)
    expect(checkTargets(form)).toEqual({})
    form.SEV1.ack = { amount: '', unit: 'minutes' }
    form.SEV1.resolve = { amount: '0.5', unit: 'minutes' }
    form.SEV2.ack = { amount: '1.01', unit: 'hours' }
    form.SEV3.ack = { amount: '4', unit: 'days' }
    form.SEV4.resolve = { amount: '91', unit: 'days' }
    expect(checkTargets(form)).toEqual({
      'SEV1.ack': 'Enter a number',
      'SEV1.resolve': 'Must be at least 1 minute',
      'SEV2.ack': 'Must come to whole minutes: 1.5 hours is 90 minutes',
      // SEV3 resolves within 3 days: sooner than its new acknowledgement target.
      'SEV3.resolve': 'Must be at least the acknowledgement target (4d)',
      'SEV4.resolve': 'Must be at most 90 days',
    })
  })

  test('an acknowledgement target equal to the resolution target is fine', () => {
    const form = targetsFormOf(saved)
    form.SEV2.ack = { amount: '8', unit: 'hours' }
    expect(checkTargets(form)).toEqual({})
  })

  test('the API’s problems land on the severity they name, by position', () => {
    const refused = new ApiError(400, 'validation_failed', 'Invalid request', [
      { path: 'json.targets.1.resolveMinutes', message: 'must be at least ackMinutes' },
      { path: 'json.targets.3.ackMinutes', message: 'Too small: expected number to be >=1' },
      { path: 'json.targets', message: 'must list each of SEV1, SEV2, SEV3, SEV4 once' },
    ])
    expect(targetProblems(refused)).toEqual({
      fields: {
        'SEV2.resolve': 'Must be at least ackMinutes',
        'SEV4.ack': 'Too small: expected number to be >=1',
      },
      other: 'The response targets were not saved: must list each of SEV1, SEV2, SEV3, SEV4 once',
    })
  })
})

describe('Alertmanager labels', () => {
  const labels = incidentSettingsFixture().intake

  test('only a changed label is sent, trimmed', () => {
    expect(toLabelsPatch({ ...labels, alertmanagerSeverityLabel: ' severity ' }, labels)).toEqual(
      {},
    )
    expect(toLabelsPatch({ ...labels, alertmanagerServiceLabel: ' app ' }, labels)).toEqual({
      alertmanagerServiceLabel: 'app',
    })
  })

  test('the API’s problems land beside their label', () => {
    const refused = new ApiError(400, 'validation_failed', 'Invalid request', [
      {
        path: 'json.alertmanagerServiceLabel',
        message:
          'must differ from alertmanagerSeverityLabel (severity): one label cannot give both',
      },
    ])
    expect(labelProblems(refused)).toEqual({
      fields: {
        alertmanagerServiceLabel:
          'Must differ from alertmanagerSeverityLabel (severity): one label cannot give both',
      },
      other: null,
    })
    expect(labelProblems(new ApiError(0, 'network', 'Could not reach the server.')).other).toBe(
      'Could not reach the server.',
    )
  })
})
