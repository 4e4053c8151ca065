import { describe, expect, test } from 'vitest'
import {
  actorLabel,
  adminProblem,
  auditSearchParams,
  describeChanges,
  parseAuditFilters,
  toAuditQuery,
  tokenStanding,
} from './transform.ts'

describe('audit filters in the URL', () => {
  test('round-trip, dropping empty and malformed values', () => {
    const filters = parseAuditFilters(
      new URLSearchParams('entity=user&action=&actor=7&from=2026-11-01&to=2026-13-45&x=1'),
    )
    expect(filters).toEqual({ entity: 'user', actor: '7', from: '2026-11-01' })
    expect(auditSearchParams(filters).toString()).toBe('entity=user&actor=7&from=2026-11-01')
    expect(parseAuditFilters(new URLSearchParams('actor=me'))).toEqual({})
  })

  test('become the API query, with whole local days and the cursor', () => {
    const query = toAuditQuery(
      { entity: 'user', action: 'update', actor: '7', from: '2026-11-01', to: '2026-11-30' },
      120,
    )
    expect(query).toMatchObject({
      entity: 'user',
      action: 'update',
      actorUserId: '7',
      before: '120',
    })
    expect(new Date(query.from ?? '').getDate()).toBe(1)
    expect(new Date(query.from ?? '').getHours()).toBe(0)
    // The API's `to` is exclusive: the midnight that ends 30 Nov.
    const to = new Date(query.to ?? '')
    expect([to.getMonth(), to.getDate(), to.getHours(), to.getMinutes()]).toEqual([11, 1, 0, 0])
    expect(toAuditQuery({}, undefined)).toEqual({})
  })

  test('keeps a year before 100 as typed, for the API to refuse, never as 19xx', () => {
    const query = toAuditQuery({ from: '0050-03-01' }, undefined)
    expect(new Date(query.from ?? '').getFullYear()).toBe(50)
  })
})

describe('describeChanges', () => {
  test('reads {field: {from, to}} as an arrow', () => {
    expect(describeChanges({ role: { from: 'viewer', to: 'manager' } })).toEqual([
      { field: 'role', text: 'viewer → manager' },
    ])
  })

  test('reads an unlock as the API writes it: a change beside plain values', () => {
    expect(
      describeChanges({
        failedSignIns: { from: 3, to: 0 },
        addressesCleared: 2,
        disabled: { from: true, to: false },
        via: 'admin',
      }),
    ).toEqual([
      { field: 'failedSignIns', text: '3 → 0' },
      { field: 'addressesCleared', text: '2' },
      { field: 'disabled', text: 'yes → no' },
      { field: 'via', text: 'admin' },
    ])
  })

  test('a new row (from null) shows just its values; secrets only say they changed', () => {
    // As the API writes a created user.
    expect(
      describeChanges({
        email: { from: null, to: 'a@b.c' },
        role: { from: null, to: 'viewer' },
        password: { from: null, to: '[redacted]' },
      }),
    ).toEqual([
      { field: 'email', text: 'a@b.c' },
      { field: 'role', text: 'viewer' },
      { field: 'password', text: 'set' },
    ])
    expect(describeChanges({ password: { from: '[redacted]', to: '[redacted]' } })).toEqual([
      { field: 'password', text: 'changed' },
    ])
  })

  test('plain values, nulls and empty lists', () => {
    expect(
      describeChanges({ address: '10.0.0.1', reason: 'disabled', revokedAt: null, scopes: [] }),
    ).toEqual([
      { field: 'address', text: '10.0.0.1' },
      { field: 'reason', text: 'disabled' },
      { field: 'revokedAt', text: 'none' },
      { field: 'scopes', text: 'none' },
    ])
  })

  test('no changes give no lines', () => {
    expect(describeChanges({})).toEqual([])
  })
})

test('actor labels', () => {
  expect(actorLabel({ type: 'user', id: 1, email: 'ann@example.org' })).toBe('ann@example.org')
  expect(actorLabel({ type: 'token', id: 2, name: 'prober' })).toBe('API token “prober”')
  expect(actorLabel({ type: 'system' })).toBe('opsdeck (system)')
  expect(actorLabel({ type: 'user', id: 9, email: null })).toBe('user #9')
})

test('known refusals read as advice, others keep the API’s message', () => {
  expect(adminProblem({ code: 'last_admin', message: 'last_admin' })).toMatch(/at least one/)
  expect(adminProblem({ code: 'email_taken', message: 'x' })).toBe(
    'A user with this email already exists.',
  )
  expect(adminProblem({ code: 'validation_failed', message: 'name: Required' })).toBe(
    'name: Required',
  )
})

describe('tokenStanding', () => {
  const token = (over: Partial<Parameters<typeof tokenStanding>[0]> = {}) => ({
    scopes: ['ingest', 'read'],
    effectiveScopes: ['ingest', 'read'],
    revokedAt: null,
    createdBy: { role: 'admin', disabled: false },
    ...over,
  })

  test('says what a token may do now, and why it may do less', () => {
    expect(tokenStanding(token())).toEqual({ tone: 'on', label: 'Active' })
    expect(
      tokenStanding(
        token({ effectiveScopes: ['read'], createdBy: { role: 'viewer', disabled: false } }),
      ),
    ).toEqual({ tone: 'narrowed', label: 'Only read: creator is now a viewer' })
    expect(
      tokenStanding(
        token({
          scopes: ['ingest'],
          effectiveScopes: [],
          createdBy: { role: 'manager', disabled: false },
        }),
      ),
    ).toEqual({ tone: 'off', label: 'Stopped: creator is now a manager' })
    expect(
      tokenStanding(token({ effectiveScopes: [], createdBy: { role: 'admin', disabled: true } })),
    ).toEqual({ tone: 'off', label: 'Stopped: creator is disabled' })
    expect(
      tokenStanding(token({ effectiveScopes: [], revokedAt: '2026-11-10T09:00:00.000Z' })),
    ).toEqual({
      tone: 'off',
      label: 'Revoked 10 Nov 2026',
    })
    // A system token (no creator) keeps its scopes.
    expect(tokenStanding(token({ createdBy: null }))).toEqual({ tone: 'on', label: 'Active' })
  })
})
