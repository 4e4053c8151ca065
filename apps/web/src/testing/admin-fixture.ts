import type { InferResponseType } from 'hono/client'
import type { api } from '../lib/api.ts'

// The admin pages' API answers, typed from the API's own response types: a changed field fails
// here first.
type Users = InferResponseType<typeof api.users.$get, 200>['users']
type Tokens = InferResponseType<typeof api.tokens.$get, 200>['tokens']
type AuditEntry = InferResponseType<typeof api.audit.$get, 200>['entries'][number]

/** An admin, a manager with failed sign-ins, a disabled viewer. */
export const usersFixture = () =>
  [
    {
      id: 1,
      email: 'ada@example.org',
      name: 'Ada Admin',
      role: 'admin',
      disabledAt: null,
      createdAt: '2026-11-01T09:00:00.000Z',
      lastLoginAt: '2026-11-27T08:15:00.000Z',
      recentFailures: 0,
    },
    {
      id: 2,
      email: 'mo@example.org',
      name: 'Mo Manager',
      role: 'manager',
      disabledAt: null,
      createdAt: '2026-11-02T09:00:00.000Z',
      lastLoginAt: null,
      recentFailures: 4,
    },
    {
      id: 3,
      email: 'vi@example.org',
      name: 'Vi Viewer',
      role: 'viewer',
      disabledAt: '2026-11-20T10:00:00.000Z',
      createdAt: '2026-11-03T09:00:00.000Z',
      lastLoginAt: null,
      recentFailures: 0,
    },
  ] satisfies Users

/** Active, revoked, narrowed by its creator's demotion, and stopped by it. */
export const tokensFixture = () =>
  [
    {
      id: 10,
      name: 'uptime prober',
      scopes: ['ingest'],
      effectiveScopes: ['ingest'],
      createdAt: '2026-11-05T09:00:00.000Z',
      lastUsedAt: '2026-11-27T12:00:00.000Z',
      revokedAt: null,
      createdBy: { id: 1, email: 'ada@example.org', role: 'admin', disabled: false },
    },
    {
      id: 11,
      name: 'old BI export',
      scopes: ['read'],
      effectiveScopes: [],
      createdAt: '2026-10-05T09:00:00.000Z',
      lastUsedAt: null,
      revokedAt: '2026-11-10T09:00:00.000Z',
      createdBy: null,
    },
    {
      id: 12,
      name: 'ops report',
      scopes: ['ingest', 'read'],
      effectiveScopes: ['read'],
      createdAt: '2026-11-06T09:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { id: 3, email: 'vi@example.org', role: 'viewer', disabled: false },
    },
    {
      id: 13,
      name: 'old prober',
      scopes: ['ingest'],
      effectiveScopes: [],
      createdAt: '2026-11-06T09:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { id: 2, email: 'mo@example.org', role: 'manager', disabled: false },
    },
  ] satisfies Tokens

/** An audit entry: an admin promoting a viewer, unless `overrides` say otherwise. */
export const auditEntry = (id: number, overrides: Partial<AuditEntry> = {}) =>
  ({
    id,
    at: '2026-11-27T10:00:00.000Z',
    actor: { type: 'user', id: 1, email: 'ada@example.org' },
    entity: 'user',
    entityId: '2',
    action: 'update',
    changes: { role: { from: 'viewer', to: 'manager' } },
    requestId: `req-${id}`,
    ...overrides,
  }) satisfies AuditEntry
