import { describe, expect, test } from 'vitest'
import { formatInstant } from '../../lib/format.ts'
import { incidentDetailFixture } from '../../testing/incidents-fixture.ts'
import { downtimeNote, downtimeRows, milestoneRows, timelineEntries } from './detail-transform.ts'

describe('the incident page, shaped', () => {
  test('six milestones in order; the corrected one marked', () => {
    const detail = incidentDetailFixture()
    expect(milestoneRows(detail.incident, detail.timeline)).toEqual([
      { field: 'startedAt', label: 'Started', at: '2026-11-27T13:00:00.000Z', corrected: false },
      { field: 'detectedAt', label: 'Detected', at: '2026-11-27T13:02:00.000Z', corrected: false },
      {
        field: 'acknowledgedAt',
        label: 'Acknowledged',
        at: '2026-11-27T13:10:00.000Z',
        corrected: true,
      },
      { field: 'mitigatedAt', label: 'Mitigated', at: null, corrected: false },
      { field: 'resolvedAt', label: 'Resolved', at: null, corrected: false },
      { field: 'closedAt', label: 'Closed', at: null, corrected: false },
    ])
  })

  test('the timeline keeps bodies as written; a correction reads in local time with its reason', () => {
    const entries = timelineEntries(incidentDetailFixture().timeline)
    expect(entries.map((e) => e.kindLabel)).toEqual(['Declared', 'Status', 'Note', 'Correction'])
    expect(entries[2]).toMatchObject({
      text: '<img src=x onerror=alert(1)> <b>rollback</b> started',
      author: 'Grace Hopper',
      reason: null,
    })
    expect(entries[3]).toMatchObject({
      text: `Acknowledged corrected from ${formatInstant('2026-11-27T13:12:00.000Z')} to ${formatInstant('2026-11-27T13:10:00.000Z')}`,
      reason: 'The pager was answered at 13:10',
    })
  })

  test('a cleared milestone reads "none"; a correction of an unknown field keeps its body', () => {
    const [cleared, odd] = timelineEntries([
      {
        at: '2026-11-27T13:30:00.000Z',
        kind: 'correction',
        body: 'raw',
        author: null,
        data: { field: 'detectedAt', from: '2026-11-27T13:02:00.000Z', to: null, reason: 'wrong' },
      },
      { at: '2026-11-27T13:31:00.000Z', kind: 'correction', body: 'raw', author: null, data: {} },
    ])
    expect(cleared?.text).toMatch(/^Detected corrected from .+ to none$/)
    expect(odd).toMatchObject({ text: 'raw', reason: null })
  })

  test('each affected service with its downtime and the share of its budget taken', () => {
    const detail = incidentDetailFixture()
    expect(downtimeRows(detail)).toEqual([
      {
        slug: 'payroll',
        name: 'Payroll',
        impact: 'Outage',
        downtime: '1h',
        budget: '138.9%',
        overBudget: true,
      },
      {
        slug: 'finance-erp',
        name: 'Finance ERP',
        impact: 'Degraded',
        downtime: '3m',
        budget: '6.9%',
        overBudget: false,
      },
    ])
    // No downtime row (a service added since) and a 100% SLO read n/a, not 0.
    const none = incidentDetailFixture({
      downtime: {
        ...detail.downtime,
        services: [{ ...detail.downtime.services[0]!, budgetShare: null }],
      },
    })
    expect(downtimeRows(none).map((r) => [r.budget, r.downtime])).toEqual([
      ['n/a', '1h'],
      ['n/a', 'n/a'],
    ])
    expect(downtimeNote(detail.downtime)).toMatch(/counted from each check\.$/)
    expect(downtimeNote({ ...detail.downtime, exact: false })).toMatch(/whole hours/)
  })
})
