import { describe, expect, test } from 'vitest'
import {
  emptyNewService,
  newServiceFieldOf,
  sloFraction,
  toNewService,
} from './new-service-form.ts'

describe('the Add service form', () => {
  test('an SLO typed as a percentage is sent as the exact fraction', () => {
    expect(sloFraction('99.9')).toBe(0.999)
    expect(sloFraction('99.95 %')).toBe(0.9995)
    expect(sloFraction('99.995')).toBe(0.99995)
    expect(sloFraction('95')).toBe(0.95)
    for (const bad of ['100', '0', '99.9999', '', 'abc', '-1', '0.999x']) {
      expect(sloFraction(bad)).toBeNull()
    }
  })

  test('API paths land on their inputs, the check’s under check.', () => {
    expect(newServiceFieldOf('slug')).toBe('slug')
    expect(newServiceFieldOf('tags.2')).toBe('tags')
    expect(newServiceFieldOf('check.expectedStatuses.0')).toBe('check.expectedStatuses')
    expect(newServiceFieldOf('check.nope')).toBeNull()
    expect(newServiceFieldOf('colour')).toBeNull()
  })

  test('empty optional fields: no description, null links and team, no tags', () => {
    const body = toNewService({ ...emptyNewService(), slug: ' crm ', name: 'CRM' })
    expect(body).toMatchObject({
      slug: 'crm',
      name: 'CRM',
      tier: 2,
      sloTarget: 0.999,
      ownerTeam: null,
      tags: [],
      runbookUrl: null,
    })
    expect(body).not.toHaveProperty('description')
  })
})
