import { INCIDENT_STATUSES, SEVERITIES } from '@opsdeck/contract'
import { describe, expect, test } from 'vitest'
// The API's own lifecycle rules: the buttons must offer exactly the moves it accepts.
import { transition } from '../../../../api/src/incidents/lifecycle/transitions.ts'
import { closeBlocked, isLegalMove, legalMoves } from './moves.ts'

const NOW = new Date('2026-11-27T14:00:00Z')

describe('the status moves offered', () => {
  test('agree with the API for every status, severity, review state and target', () => {
    for (const status of INCIDENT_STATUSES)
      for (const severity of SEVERITIES)
        for (const reviewCompleted of [false, true])
          for (const to of INCIDENT_STATUSES) {
            const api = transition(
              {
                status,
                severity,
                reviewCompleted,
                acknowledgedAt: null,
                mitigatedAt: null,
                resolvedAt: status === 'resolved' || status === 'closed' ? NOW : null,
              },
              to,
              NOW,
            )
            const state = { status, severity, reviewCompleted }
            expect(isLegalMove(state, to), `${status} → ${to}, ${severity}`).toBe(api.ok)
          }
  })

  test('in lifecycle order, in words', () => {
    const state = { severity: 'SEV3', reviewCompleted: false } as const
    expect(legalMoves({ ...state, status: 'triggered' }).map((m) => m.label)).toEqual([
      'Acknowledge',
      'Investigate',
      'Mark identified',
      'Monitor',
      'Resolve',
    ])
    expect(legalMoves({ ...state, status: 'monitoring' }).map((m) => m.label)).toEqual([
      'Back to investigating',
      'Back to identified',
      'Resolve',
    ])
    expect(legalMoves({ ...state, status: 'resolved' })).toEqual([
      { to: 'investigating', label: 'Reopen' },
      { to: 'closed', label: 'Close' },
    ])
    expect(legalMoves({ ...state, status: 'closed' })).toEqual([])
  })

  test('a resolved SEV1 closes once its review is completed, and says so meanwhile', () => {
    const sev1 = { status: 'resolved', severity: 'SEV1', reviewCompleted: false } as const
    expect(legalMoves(sev1).map((m) => m.to)).toEqual(['investigating'])
    expect(closeBlocked(sev1)).toBe(
      'A SEV1 incident is closed once its post-incident review is completed.',
    )
    expect(closeBlocked({ ...sev1, reviewCompleted: true })).toBeNull()
    expect(closeBlocked({ ...sev1, status: 'monitoring' })).toBeNull()
    expect(closeBlocked({ ...sev1, severity: 'SEV3' })).toBeNull()
  })
})
