import { describe, expect, test } from 'vitest'
import { emailIncident, payrollIncident, vpnIncident } from '../../testing/incidents-fixture.ts'
import { breachesOf, nextTarget, teamsOf, toIncidentRow } from './list-transform.ts'

describe('an incident as a row of the list', () => {
  test('open, acknowledged late: the ack breach, and the time left to resolve', () => {
    expect(toIncidentRow(payrollIncident())).toEqual({
      ref: 'INC-2026-0042',
      title: 'Payroll unreachable',
      severity: 'SEV1',
      severityLabel: 'Critical',
      status: 'Investigating',
      open: true,
      age: '1h open',
      commander: 'Grace Hopper',
      services: 'Payroll (outage), Finance ERP (degraded)',
      hasTargets: true,
      breaches: ['Acknowledge'],
      next: { milestone: 'Resolve', text: '3h left', overdue: false },
    })
  })

  test('not acknowledged and past its ack target: overdue by how much', () => {
    const row = toIncidentRow(emailIncident())
    expect(row.breaches).toEqual(['Acknowledge'])
    expect(row.next).toEqual({ milestone: 'Acknowledge', text: '2h 30m overdue', overdue: true })
    expect(row.commander).toBeNull()
  })

  test('resolved: how long it lasted, no target left to meet', () => {
    const row = toIncidentRow(vpnIncident())
    expect(row).toMatchObject({ open: false, age: 'lasted 1h 12m', breaches: [], next: null })
  })

  test('a severity without targets has no breaches and nothing due', () => {
    const row = toIncidentRow(payrollIncident({ responseTargets: null }))
    expect(row).toMatchObject({ hasTargets: false, breaches: [], next: null })
    expect(breachesOf(null)).toEqual([])
    expect(nextTarget(null, { acknowledged: false, resolved: false })).toBeNull()
  })

  test('both targets breached, in the order they fall due', () => {
    const item = emailIncident()
    const targets = item.responseTargets!
    const resolve = { ...targets.resolve, state: 'breached' as const, leftMinutes: -5 }
    expect(breachesOf({ ...targets, resolve })).toEqual(['Acknowledge', 'Resolve'])
  })
})

describe('choices for the filters and the form', () => {
  test('teams once each, by name; services without a team add none', () => {
    const apps = { slug: 'apps', name: 'Applications' }
    const infra = { slug: 'infra', name: 'Infrastructure' }
    expect(teamsOf([{ team: infra }, { team: apps }, { team: null }, { team: apps }])).toEqual([
      apps,
      infra,
    ])
  })
})
