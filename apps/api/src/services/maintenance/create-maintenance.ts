import {
  type Database,
  expandMaintenanceSchedules,
  lockFor,
  MAINTENANCE_HORIZON_DAYS,
} from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, recordAudit } from '../../lib/audit.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import {
  findMaintainedService,
  findSchedule,
  insertSchedule,
  insertWindow,
  windowsOfSchedule,
  withState,
} from './queries.ts'
import { knownZone, type MaintenanceProblem, maintenanceProblems } from './rules.ts'
import type { NewMaintenance } from './schemas.ts'

/**
 * Saves a one-off window, or a weekly schedule together with its occurrences for the next eight
 * weeks (so a sample arriving in the first one already finds it), audited, in one transaction.
 * Refused for an unknown or archived service, and for the problems maintenanceProblems names.
 */
export async function createMaintenance(
  db: Kysely<Database>,
  args: { slug: string; input: NewMaintenance; who: AuditContext },
) {
  const { slug, input, who } = args
  const now = who.at
  return db.transaction().execute(async (trx) => {
    // Taken first, as the worker's expansion takes it: the two never wait on each other's rows.
    await lockFor(trx, 'opsdeck:maintenance-schedules')
    // FOR SHARE: an archive waits until the window is saved, or we see it archived.
    const service = await findMaintainedService(trx, slug, { forShare: true })
    if (!service) return { refused: 'not_found' } as const
    if (service.archivedAt) return { refused: 'archived' } as const

    if (input.kind === 'one-off') {
      const problems = maintenanceProblems(input, now, '')
      if (problems.length > 0) return { refused: 'invalid', problems } as const
      const { startsAt, endsAt, reason } = input
      const window = await insertWindow(trx, {
        serviceId: service.id,
        startsAt,
        endsAt,
        reason,
        now,
      })
      await recordAudit(trx, who, {
        entity: 'maintenance_window',
        entityId: window.id,
        action: 'create',
        changes: created({ service: slug, startsAt, endsAt, reason }),
      })
      return { created: { schedule: null, windows: [withState(window, now)] } } as const
    }

    const asked = input.timezone ?? (await getOrganisation(trx)).timezone
    const timezone = knownZone(asked) ?? asked
    const problems: MaintenanceProblem[] = maintenanceProblems(input, now, timezone)
    if (problems.length > 0) return { refused: 'invalid', problems } as const
    const { isoWeekday, localStart, durationMinutes, startsOn, endsOn, reason } = input
    const fields = { isoWeekday, localStart, durationMinutes, timezone, startsOn, endsOn, reason }
    const id = await insertSchedule(trx, { serviceId: service.id, ...fields, now })
    await expandMaintenanceSchedules(trx, {
      now,
      horizonDays: MAINTENANCE_HORIZON_DAYS,
      scheduleIds: [id],
    })
    await recordAudit(trx, who, {
      entity: 'maintenance_schedule',
      entityId: id,
      action: 'create',
      changes: created({ service: slug, ...fields }),
    })
    const schedule = await findSchedule(trx, service.id, id)
    if (!schedule) throw new Error(`maintenance schedule ${id} vanished as it was made`)
    const windows = (await windowsOfSchedule(trx, id)).map((w) => withState(w, now))
    return { created: { schedule, windows } } as const
  })
}
