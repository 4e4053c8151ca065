import { INCIDENT_STATUSES, type IncidentStatus } from '@opsdeck/contract'
import { describe, expect, test } from 'vitest'
import { closeBlocked, isLegalMove, legalMoves } from './moves.ts'

describe('the status moves offered', () => {
  test('forward, skipping steps; back to investigating or identified while open; reopen; close', () => {
    // Worked from the lifecycle as the README's API table states it: a SEV3, so closing needs no
    // review.
    const legal: Record<IncidentStatus, IncidentStatus[]> = {
      triggered: ['acknowledged', 'investigating', 'identified', 'monitoring', 'resolved'],
      acknowledged: ['investigating', 'identified', 'monitoring', 'resolved'],
      investigating: ['identified', 'monitoring', 'resolved'],
      identified: ['investigating', 'monitoring', 'resolved'],
      monitoring: ['investigating', 'identified', 'resolved'],
      resolved: ['investigating', 'closed'],
      closed: [],
    }
    for (const status of INCIDENT_STATUSES) {
      const state = { status, severity: 'SEV3', reviewCompleted: false } as const
      const allowed = INCIDENT_STATUSES.filter((to) => isLegalMove(state, to))
      expect(allowed, `from ${status}`).toEqual(legal[status])
    }
  })

  test('a resolved SEV1 or SEV2 closes only once its review is completed; a SEV3 or SEV4 anyway', () => {
    const resolved = { status: 'resolved', reviewCompleted: false } as const
    expect(isLegalMove({ ...resolved, severity: 'SEV1' }, 'closed')).toBe(false)
    expect(isLegalMove({ ...resolved, severity: 'SEV2' }, 'closed')).toBe(false)
    expect(isLegalMove({ ...resolved, severity: 'SEV2', reviewCompleted: true }, 'closed')).toBe(
      true,
    )
    expect(isLegalMove({ ...resolved, severity: 'SEV4' }, 'closed')).toBe(true)
    // A completed review does not let an open incident close.
    const open = { status: 'monitoring', severity: 'SEV1', reviewCompleted: true } as const
    expect(isLegalMove(open, 'closed')).toBe(false)
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
