import { describe, expect, it } from 'vitest'
import { highest, readAlertGroup, severityOf } from './alertmanager.ts'
import { AlertmanagerPayload } from './schemas.ts'
import { fixture, type AlertmanagerFixture } from './test-fixtures.ts'

const LABELS = { severity: 'severity', service: 'service' }
const parsed = (name: AlertmanagerFixture) => AlertmanagerPayload.parse(fixture(name))

describe('severityOf', () => {
  it.each([
    ['critical', 'SEV1'],
    ['Critical', 'SEV1'],
    [' high ', 'SEV2'],
    ['error', 'SEV2'],
    ['ERROR', 'SEV2'],
    ['warning', 'SEV3'],
    ['Warning', 'SEV3'],
    ['major', 'SEV4'],
    ['info', 'SEV4'],
    ['none', 'SEV4'],
    [undefined, 'SEV4'],
  ] as const)('%s → %s', (value, severity) => {
    expect(severityOf(value)).toBe(severity)
  })

  it('takes the most severe of several', () => {
    expect(highest(['SEV3', 'SEV1', 'SEV4'])).toBe('SEV1')
    expect(highest(['SEV4', 'SEV2'])).toBe('SEV2')
    expect(highest([])).toBe('SEV4')
  })
})

describe('readAlertGroup', () => {
  it('reads a real firing delivery: no severity label, one service, the alert name as title', () => {
    const group = readAlertGroup(parsed('am-openshift-firing'), LABELS)
    expect(group).toMatchObject({
      firing: true,
      counts: { firing: 1, resolved: 0 },
      severity: 'SEV4',
      serviceValues: ['monitor-demo-app'],
      title: 'Error500Alert',
      summary: '',
      alertStarts: [new Date('2025-04-25T11:00:35.042Z')],
      lastEnd: null,
    })
  })

  it('reads its resolved twin: not firing, ended at the alert’s endsAt', () => {
    const group = readAlertGroup(parsed('am-openshift-resolved'), LABELS)
    expect(group).toMatchObject({
      firing: false,
      counts: { firing: 0, resolved: 1 },
      alertStarts: [],
      lastEnd: new Date('2025-04-25T11:01:05.042Z'),
    })
  })

  it('counts only the firing alerts of a group: the highest severity, their services', () => {
    const group = readAlertGroup(parsed('am-multi-firing'), LABELS)
    expect(group).toMatchObject({
      firing: true,
      counts: { firing: 2, resolved: 1 },
      severity: 'SEV1',
      serviceValues: ['ledger', 'payments'],
      title: 'HTTPErrorRateHigh',
      summary:
        '6.2% of requests to payments-api-7d9f8b6c5d-x2x7k failed with 5xx over the last 5 minutes.',
      alertStarts: [new Date('2026-06-10T09:41:12.482Z'), new Date('2026-06-10T09:43:27.915Z')],
    })
    expect(JSON.parse(group.state)).toEqual({
      firing: ['9c1f0a3e5b7d2468', 'e2b64d81c07a35f9'],
      resolved: ['4a7e19c3d5f0b826'],
    })
  })

  it('reads the labels the settings name', () => {
    const group = readAlertGroup(parsed('am-instance-down-2019'), {
      severity: 'severity',
      service: 'job',
    })
    expect(group).toMatchObject({
      severity: 'SEV1',
      serviceValues: ['javaapp'],
      title: 'Instance 172.17.0.8:9200 down',
      summary: '172.17.0.8:9200 of job *javaapp* has been down for more than 1 mi',
      alertStarts: [new Date('2019-10-31T15:15:25.841Z')],
    })
    const bySite = readAlertGroup(parsed('am-gnocpush-major'), {
      severity: 'gnoc',
      service: 'site',
    })
    expect(bySite).toMatchObject({ severity: 'SEV4', serviceValues: ['dev'], withoutService: 0 })
  })

  it('makes a one-line title of a summary with line breaks and controls', () => {
    const body = fixture('am-openshift-firing')
    body.commonAnnotations = { summary: 'Disk\nfull\u202E on\t db-1  ' }
    expect(readAlertGroup(AlertmanagerPayload.parse(body), LABELS).title).toBe('Disk full on db-1')
    body.commonAnnotations = { summary: 'x'.repeat(300) }
    const long = readAlertGroup(AlertmanagerPayload.parse(body), LABELS).title
    expect(long).toHaveLength(200)
    expect(long.endsWith('…')).toBe(true)
  })
})
