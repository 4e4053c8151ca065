import { type Database, lockFor } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import {
  deleteSchedule,
  deleteWindow,
  findMaintainedService,
  findSchedule,
  findWindow,
} from './queries.ts'

const removed = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([k, from]) => [k, { from, to: null }]))

/**
 * Deletes a one-off window that has not started, audited. A started window is history (its
 * samples were counted as maintenance) and stays; a schedule's occurrence goes with its schedule.
 */
export async function deleteMaintenanceWindow(
  db: Kysely<Database>,
  args: { slug: string; id: number; who: AuditContext },
) {
  const { slug, id, who } = args
  return db.transaction().execute(async (trx) => {
    const service = await findMaintainedService(trx, slug)
    if (!service) return { refused: 'service_not_found' } as const
    const window = await findWindow(trx, service.id, id)
    if (!window) return { refused: 'not_found' } as const
    if (window.scheduleId !== null) {
      return { refused: 'scheduled', scheduleId: window.scheduleId } as const
    }
    if (window.startsAt <= who.at) return { refused: 'started', window } as const
    await deleteWindow(trx, id)
    const { startsAt, endsAt, reason } = window
    await recordAudit(trx, who, {
      entity: 'maintenance_window',
      entityId: id,
      action: 'delete',
      changes: removed({ service: slug, startsAt, endsAt, reason }),
    })
    return { deleted: true } as const
  })
}

/**
 * Deletes a weekly schedule and its occurrences that have not started, audited; occurrences
 * that have started stay as history.
 */
export async function deleteMaintenanceSchedule(
  db: Kysely<Database>,
  args: { slug: string; id: number; who: AuditContext },
) {
  const { slug, id, who } = args
  return db.transaction().execute(async (trx) => {
    // The worker's expansion holds it while it writes occurrences: we wait for it, not it for us.
    await lockFor(trx, 'opsdeck:maintenance-schedules')
    const service = await findMaintainedService(trx, slug)
    if (!service) return { refused: 'service_not_found' } as const
    const schedule = await findSchedule(trx, service.id, id)
    if (!schedule) return { refused: 'not_found' } as const
    const upcoming = await deleteSchedule(trx, id, who.at)
    const { isoWeekday, localStart, durationMinutes, timezone, startsOn, endsOn, reason } = schedule
    const fields = { isoWeekday, localStart, durationMinutes, timezone, startsOn, endsOn, reason }
    await recordAudit(trx, who, {
      entity: 'maintenance_schedule',
      entityId: id,
      action: 'delete',
      changes: {
        ...removed({ service: slug, ...fields }),
        upcomingWindows: { from: upcoming, to: 0 },
      },
    })
    return { deleted: true, upcomingWindows: upcoming } as const
  })
}
