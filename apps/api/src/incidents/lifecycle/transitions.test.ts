import { INCIDENT_STATUSES, type IncidentStatus } from '@opsdeck/contract'
import { describe, expect, it } from 'vitest'
import { correctionProblem, type Milestones } from './milestones.ts'
import { transition, type TransitionState } from './transitions.ts'

const NOW = new Date('2026-10-01T10:00:00Z')
const EARLIER = new Date('2026-10-01T09:10:00Z')

const state = (status: IncidentStatus, more: Partial<TransitionState> = {}): TransitionState => ({
  status,
  severity: 'SEV3',
  acknowledgedAt: status === 'triggered' ? null : EARLIER,
  mitigatedAt: ['monitoring', 'resolved', 'closed'].includes(status) ? EARLIER : null,
  resolvedAt: status === 'resolved' || status === 'closed' ? EARLIER : null,
  reviewCompleted: false,
  ...more,
})

describe('transition', () => {
  it('sets each milestone the move implies, only where unset', () => {
    expect(transition(state('triggered'), 'acknowledged', NOW)).toEqual({
      ok: true,
      set: { acknowledgedAt: NOW },
      reopened: false,
    })
    expect(transition(state('acknowledged'), 'investigating', NOW)).toEqual({
      ok: true,
      set: {},
      reopened: false,
    })
    expect(transition(state('identified'), 'monitoring', NOW)).toMatchObject({
      set: { mitigatedAt: NOW },
    })
    expect(transition(state('monitoring'), 'resolved', NOW)).toMatchObject({
      set: { resolvedAt: NOW },
    })
  })

  it('lets a forward move skip steps: triggered → resolved sets all three milestones', () => {
    expect(transition(state('triggered'), 'resolved', NOW)).toEqual({
      ok: true,
      set: { acknowledgedAt: NOW, mitigatedAt: NOW, resolvedAt: NOW },
      reopened: false,
    })
    expect(transition(state('triggered'), 'identified', NOW)).toMatchObject({
      set: { acknowledgedAt: NOW },
    })
  })

  it('reopens a resolved incident by moving it to investigating, clearing resolvedAt', () => {
    expect(transition(state('resolved'), 'investigating', NOW)).toEqual({
      ok: true,
      set: { resolvedAt: null },
      reopened: true,
    })
  })

  it('lets an open incident go back to investigating or identified when a fix did not hold', () => {
    const monitoring = { ...state('monitoring'), acknowledgedAt: NOW, mitigatedAt: NOW }
    for (const to of ['investigating', 'identified'] as const) {
      expect(transition(monitoring, to, NOW)).toEqual({ ok: true, set: {}, reopened: false })
    }
    expect(transition(state('identified'), 'investigating', NOW).ok).toBe(true)
  })

  it('refuses, with a reason, moves back, to the same status and out of closed', () => {
    expect(transition(state('monitoring'), 'acknowledged', NOW)).toEqual({
      ok: false,
      reason: 'An incident cannot go back from monitoring to acknowledged',
    })
    expect(transition(state('resolved'), 'monitoring', NOW)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('reopen it by moving it to investigating'),
    })
    expect(transition(state('acknowledged'), 'acknowledged', NOW)).toEqual({
      ok: false,
      reason: 'The incident is already acknowledged',
    })
    for (const to of INCIDENT_STATUSES) {
      expect(transition(state('closed'), to, NOW).ok).toBe(false)
    }
  })

  it('closes only a resolved incident, and a SEV1 or SEV2 only with its review completed', () => {
    expect(transition(state('monitoring'), 'closed', NOW)).toEqual({
      ok: false,
      reason: 'Only a resolved incident can be closed',
    })
    expect(transition(state('resolved'), 'closed', NOW)).toEqual({
      ok: true,
      set: { closedAt: NOW },
      reopened: false,
    })
    for (const severity of ['SEV1', 'SEV2'] as const) {
      expect(transition(state('resolved', { severity }), 'closed', NOW)).toEqual({
        ok: false,
        reason: `A ${severity} incident needs a completed post-incident review before it is closed`,
      })
      const reviewed = state('resolved', { severity, reviewCompleted: true })
      expect(transition(reviewed, 'closed', NOW).ok).toBe(true)
    }
  })
})

describe('correctionProblem', () => {
  const at = (hhmm: string) => new Date(`2026-10-01T${hhmm}:00Z`)
  const resolved: Milestones = {
    startedAt: at('09:00'),
    detectedAt: at('09:05'),
    acknowledgedAt: at('09:10'),
    mitigatedAt: at('09:30'),
    resolvedAt: at('09:45'),
    closedAt: null,
  }

  it('allows a time that keeps the start first and the resolution after the rest', () => {
    expect(correctionProblem(resolved, 'resolved', 'acknowledgedAt', at('09:01'), NOW)).toBeNull()
    expect(correctionProblem(resolved, 'resolved', 'startedAt', at('08:00'), NOW)).toBeNull()
    expect(correctionProblem(resolved, 'resolved', 'resolvedAt', at('09:59'), NOW)).toBeNull()
  })

  it('names the milestone a time would cross', () => {
    expect(correctionProblem(resolved, 'resolved', 'startedAt', at('09:07'), NOW)).toBe(
      'Started at must not be after the detection',
    )
    expect(correctionProblem(resolved, 'resolved', 'acknowledgedAt', at('08:59'), NOW)).toBe(
      'Acknowledged at must not be before the start',
    )
    expect(correctionProblem(resolved, 'resolved', 'mitigatedAt', at('09:50'), NOW)).toBe(
      'Mitigated at must not be after the resolution',
    )
    expect(correctionProblem(resolved, 'resolved', 'resolvedAt', at('09:20'), NOW)).toBe(
      'Resolved at must not be before the mitigation',
    )
    const closed = { ...resolved, closedAt: at('09:50') }
    expect(correctionProblem(closed, 'closed', 'resolvedAt', at('09:55'), NOW)).toBe(
      'Resolved at must not be after the close',
    )
  })

  it('refuses the future, clearing what the status implies, and resolving by correction', () => {
    expect(correctionProblem(resolved, 'resolved', 'detectedAt', at('10:01'), NOW)).toBe(
      'Detected at must not be in the future',
    )
    expect(correctionProblem(resolved, 'resolved', 'mitigatedAt', null, NOW)).toBe(
      'Mitigated at cannot be cleared: the incident is resolved',
    )
    expect(correctionProblem(resolved, 'resolved', 'detectedAt', null, NOW)).toBeNull()
    const open = { ...resolved, mitigatedAt: null, resolvedAt: null }
    expect(correctionProblem(open, 'investigating', 'acknowledgedAt', null, NOW)).toBe(
      'Acknowledged at cannot be cleared: the incident is investigating',
    )
    expect(correctionProblem(open, 'triggered', 'acknowledgedAt', null, NOW)).toBeNull()
    expect(correctionProblem(open, 'investigating', 'resolvedAt', at('09:50'), NOW)).toBe(
      'Resolved at is set by resolving the incident, not by a correction',
    )
  })
})
