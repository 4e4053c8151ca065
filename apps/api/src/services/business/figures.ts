import type { Database } from '@opsdeck/db'
import {
  type ComponentState,
  type GroupRule,
  groupState,
  groupUptime,
  sloAttainment,
  upNeeded,
} from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { groupMinutes } from './minutes.ts'
import { type GroupRow, statusNow } from './queries.ts'
import type { BusinessService } from './schemas.ts'
import type { ServiceStatus } from '../queries.ts'

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/** The windows shown, ending at the last whole minute; the SLO is judged over the longest. */
const WINDOWS = [
  { key: 'h24', ms: DAY_MS },
  { key: 'd7', ms: 7 * DAY_MS },
  { key: 'd30', ms: 30 * DAY_MS },
] as const

const COMPONENT_STATE: Record<ServiceStatus, ComponentState> = {
  up: 'up',
  degraded: 'degraded',
  down: 'down',
  maintenance: 'maintenance',
  unknown: 'no-data',
}

const ruleOf = (g: GroupRow): GroupRule =>
  g.rule === 'at_least' ? { rule: 'at_least', minUp: g.minUp ?? 1 } : { rule: g.rule }

/** Business services as the API answers them: status now, uptime per window, SLO met or not. */
export async function businessFigures(
  db: Kysely<Database>,
  groups: readonly GroupRow[],
  now: Date,
): Promise<BusinessService[]> {
  const to = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS)
  const windows = WINDOWS.map((w) => ({ key: w.key, from: new Date(to.getTime() - w.ms) }))
  const ids = [...new Set(groups.flatMap((g) => g.components.map((c) => c.id)))]
  // A group without components (only the database could make one) has no rule to apply.
  const decidable = groups.filter((g) => g.components.length > 0)
  const [statuses, minutes] = await Promise.all([
    statusNow(db, ids, now),
    groupMinutes(
      db,
      decidable.map((g) => ({
        id: g.id,
        needed: upNeeded(ruleOf(g), g.components.length),
        serviceIds: g.components.map((c) => c.id),
      })),
      windows,
      to,
    ),
  ])
  return groups.map((g) => {
    const components = g.components.map((c) => ({
      slug: c.slug,
      name: c.name,
      status: statuses.get(c.id) ?? 'unknown',
    }))
    const status =
      components.length === 0
        ? 'no-data'
        : groupState(
            ruleOf(g),
            components.map((c) => COMPONENT_STATE[c.status]),
          )
    const uptime = Object.fromEntries(
      windows.map((w) => {
        const counted = minutes.get(g.id)?.get(w.key) ?? { up: 0, down: 0, maintenance: 0 }
        const total = (to.getTime() - w.from.getTime()) / MINUTE_MS
        const noData = Math.max(0, total - counted.up - counted.down - counted.maintenance)
        const figures = groupUptime({ ...counted, noData })
        return [
          w.key,
          {
            from: w.from.toISOString(),
            to: to.toISOString(),
            ...figures,
            minutes: { ...counted, noData },
          },
        ]
      }),
    ) as BusinessService['uptime']
    return {
      slug: g.slug,
      name: g.name,
      description: g.description,
      rule: g.rule,
      minUp: g.minUp,
      components,
      status,
      uptime,
      sloTarget: g.sloTarget,
      sloMet: sloAttainment(uptime.d30.uptime, g.sloTarget)?.met ?? null,
      archivedAt: g.archivedAt?.toISOString() ?? null,
      createdAt: g.createdAt.toISOString(),
    }
  })
}
