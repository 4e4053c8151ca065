import type { Generated } from 'kysely'
import type { CreatedAt, Id, Timestamp } from './columns.ts'

export type SampleStatus = 'up' | 'degraded' | 'down'

export interface ServicesTable {
  id: Id
  slug: string
  name: string
  description: Generated<string>
  tier: number
  ownerTeamId: number | null
  sloTarget: number
  checkUrl: string | null
  checkMethod: Generated<string>
  checkIntervalSeconds: Generated<number>
  checkTimeoutMs: Generated<number>
  checkExpectedStatus: Generated<number>
  degradedLatencyMs: Generated<number>
  checkEnabled: Generated<boolean>
  createdAt: CreatedAt
}

export interface MaintenanceWindowsTable {
  id: Id
  serviceId: number
  startsAt: Timestamp
  endsAt: Timestamp
  reason: Generated<string>
}

export interface CheckSamplesTable {
  serviceId: number
  checkedAt: Timestamp
  status: SampleStatus
  inMaintenance: Generated<boolean>
  latencyMs: number | null
  httpStatus: number | null
  error: string | null
}

export interface CheckRollupTable {
  serviceId: number
  bucketStart: Timestamp
  samples: Generated<number>
  up: Generated<number>
  degraded: Generated<number>
  down: Generated<number>
  maintenance: Generated<number>
  latencyCount: Generated<number>
  latencySumMs: Generated<number>
  latencyMaxMs: number | null
  latencyHist: Generated<number[]>
}
