import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Id, Timestamp } from './columns.ts'

export type Role = 'admin' | 'manager' | 'viewer'

export interface UsersTable {
  id: Id
  email: string
  name: Generated<string>
  passwordHash: string
  role: Role
  disabledAt: Timestamp | null
  passwordChangedAt: ColumnType<Date, Date | string | undefined, Date | string>
  lastLoginAt: Timestamp | null
  createdAt: CreatedAt
}

export interface SessionsTable {
  tokenHash: Buffer
  userId: number
  createdAt: CreatedAt
  lastSeenAt: Generated<Date>
  expiresAt: Timestamp
  ip: string | null
  userAgent: string | null
}

export interface ApiTokensTable {
  id: Id
  name: string
  tokenHash: Buffer
  scopes: string[]
  createdByUserId: number | null
  createdAt: CreatedAt
  lastUsedAt: Timestamp | null
  revokedAt: Timestamp | null
}

export interface AuditLogTable {
  id: Id
  at: Generated<Date>
  actorUserId: number | null
  actorTokenId: number | null
  entity: string
  entityId: string
  action: string
  changes: Generated<unknown>
  requestId: string | null
}

export interface LoginFailuresTable {
  id: Id
  key: string
  at: ColumnType<Date, Date | string | undefined, never>
  /** Charged before the password check and not settled yet. */
  pending: Generated<boolean>
}

/** A browser an account signed in from: its `opsdeck_device` cookie, as SHA-256. */
export interface LoginDevicesTable {
  tokenHash: Buffer
  userId: number
  createdAt: CreatedAt
  lastUsedAt: Generated<Date>
}
