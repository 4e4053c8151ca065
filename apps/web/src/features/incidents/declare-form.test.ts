import { describe, expect, test } from 'vitest'
import { incidentDetailFixture } from '../../testing/incidents-fixture.ts'
import {
  declareFieldOf,
  type DeclareForm,
  emptyDeclareForm,
  formOfIncident,
  localProblems,
  toIncidentPatch,
  toNewIncident,
} from './declare-form.ts'
import { fromLocalInput, toLocalInput } from './local-time.ts'

const filled = (over: Partial<DeclareForm> = {}): DeclareForm => ({
  ...emptyDeclareForm(),
  title: '  Payroll unreachable ',
  severity: 'SEV1',
  services: [
    { slug: 'payroll', impact: 'outage' },
    { slug: '', impact: 'outage' },
    { slug: 'finance-erp', impact: 'degraded' },
  ],
  ...over,
})

describe('the declare form', () => {
  test('the body leaves out empty fields and unchosen service rows', () => {
    expect(toNewIncident(filled())).toEqual({
      title: 'Payroll unreachable',
      severity: 'SEV1',
      services: [
        { slug: 'payroll', impact: 'outage' },
        { slug: 'finance-erp', impact: 'degraded' },
      ],
    })
    const body = toNewIncident(
      filled({
        commander: '7',
        summary: ' x ',
        customerImpact: 'y',
        startedAt: '2026-11-27T13:00',
      }),
    )
    expect(body).toMatchObject({ commanderPersonId: 7, summary: 'x', customerImpact: 'y' })
    expect(body.startedAt).toBe(new Date(2026, 10, 27, 13, 0).toISOString())
  })

  test('says what is missing before asking the API', () => {
    expect(localProblems(filled())).toEqual({})
    expect(localProblems(emptyDeclareForm())).toEqual({
      title: 'Enter a title',
      services: 'Choose at least one affected service',
    })
    const twice = filled({
      services: [
        { slug: 'payroll', impact: 'outage' },
        { slug: 'payroll', impact: 'degraded' },
      ],
    })
    expect(localProblems(twice)).toEqual({ 'services.1': 'This service is already listed' })
  })

  test('the API’s paths land on the row that was sent, skipping unchosen rows', () => {
    const form = filled()
    expect(declareFieldOf('services.1.slug', form)).toBe('services.2')
    expect(declareFieldOf('services', form)).toBe('services')
    expect(declareFieldOf('services.5.slug', form)).toBe('services')
    expect(declareFieldOf('commanderPersonId', form)).toBe('commander')
    expect(declareFieldOf('title', form)).toBe('title')
    expect(declareFieldOf('detectedAt', form)).toBeNull()
  })
})

describe('local times for datetime inputs', () => {
  test('round-trip to the minute in the reader’s zone', () => {
    const iso = new Date(2026, 10, 27, 9, 5).toISOString()
    expect(toLocalInput(iso)).toBe('2026-11-27T09:05')
    expect(fromLocalInput('2026-11-27T09:05')).toBe(iso)
    expect(toLocalInput(null)).toBe('')
    expect(fromLocalInput('')).toBeNull()
    expect(fromLocalInput('27/11/2026 09:05')).toBeNull()
  })
})

describe('the edit form', () => {
  const incident = incidentDetailFixture().incident

  test('starts from the incident; unchanged, it sends nothing', () => {
    const form = formOfIncident(incident)
    expect(form).toMatchObject({
      title: 'Payroll unreachable',
      severity: 'SEV1',
      commander: '7',
      services: [
        { slug: 'payroll', impact: 'outage' },
        { slug: 'finance-erp', impact: 'degraded' },
      ],
    })
    expect(toIncidentPatch(form, incident)).toEqual({})
    // Listing the same services in another order is not a change.
    expect(toIncidentPatch({ ...form, services: [...form.services].reverse() }, incident)).toEqual(
      {},
    )
  })

  test('sends only what changed; no commander is null', () => {
    const form = formOfIncident(incident)
    expect(
      toIncidentPatch(
        {
          ...form,
          severity: 'SEV2',
          commander: '',
          summary: `${incident.summary} `,
          services: [{ slug: 'payroll', impact: 'degraded' }],
        },
        incident,
      ),
    ).toEqual({
      severity: 'SEV2',
      commanderPersonId: null,
      services: [{ slug: 'payroll', impact: 'degraded' }],
    })
  })
})
