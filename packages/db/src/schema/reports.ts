import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Day, Id } from './columns.ts'

export type ReportPeriodKind = 'week' | 'month' | 'quarter' | 'custom'
export type DeliveryChannel = 'email' | 'webhook'
export type DeliveryStatus = 'pending' | 'sent' | 'failed'
type Json = ColumnType<unknown, string, never>
type Stamp = ColumnType<Date, Date | string, Date | string>
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

/** A frozen report: written once, never updated (a trigger refuses UPDATE). */
export interface ReportSnapshotsTable {
  id: Id
  periodKind: ReportPeriodKind
  firstDay: Day
  lastDay: Day
  title: string
  body: Json
  dataCutoff: ColumnType<Date, Date | string, never>
  frozenAt: CreatedAt
  frozenByUserId: number | null
  frozenBy: string
  scheduleId: number | null
}

export interface ReportShareLinksTable {
  id: Id
  snapshotId: number
  tokenHash: string
  label: Generated<string>
  expiresAt: Stamp
  revokedAt: NullableStamp
  createdByUserId: number | null
  createdAt: CreatedAt
  lastUsedAt: NullableStamp
}

export interface ReportSchedulesTable {
  id: Id
  name: string
  periodKind: Exclude<ReportPeriodKind, 'custom'>
  /** Local time of day, `HH:MM:SS`. */
  runAtLocal: Generated<string>
  emailTo: Generated<string[]>
  webhookUrl: string | null
  shareDays: Generated<number>
  enabled: Generated<boolean>
  nextRunAt: Stamp
  createdByUserId: number | null
  createdAt: CreatedAt
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ReportDeliveriesTable {
  id: Id
  scheduleId: number
  runFor: Stamp
  channel: DeliveryChannel
  snapshotId: number | null
  status: Generated<DeliveryStatus>
  attempts: Generated<number>
  nextAttemptAt: ColumnType<Date, Date | string | undefined, Date | string>
  leaseUntil: NullableStamp
  leasedBy: string | null
  lastError: string | null
  sentAt: NullableStamp
  createdAt: CreatedAt
}
