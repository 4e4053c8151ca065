import { TZDate } from '@date-fns/tz'
import { mtta, mttr } from '@opsdeck/kpi'
import { format, startOfISOWeek } from 'date-fns'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { getOrganisation } from '../lib/organisation.ts'
import { invalidRange, RangeQuery, resolveRange } from '../lib/range.ts'
import { validate } from '../lib/validate.ts'
import { listProjectFinancials, summariseBudgets } from './budgets.ts'
import { listPersonWeek, summariseCapacity } from './capacity.ts'
import { countOpenIncidents, listIncidentTimes } from './incidents.ts'
import { listServiceHealth, summariseServices } from './services.ts'

export const overview = new Hono<AppEnv>().get(
  '/',
  access('read'),
  validate('query', RangeQuery),
  async (c) => {
    const db = c.var.db
    const org = await getOrganisation(db)
    const now = c.var.now
    const resolved = resolveRange(c.req.valid('query'), org.timezone, now)
    if (!resolved.ok) return c.json(invalidRange(resolved.message), 400)
    const { range } = resolved
    // Budgets are as of the range's last day (never the future); capacity is this week, locally.
    const asOf = new Date(Math.min(range.to.getTime() - 1, now.getTime()))
    const asOfDay = format(new TZDate(asOf.getTime(), org.timezone), 'yyyy-MM-dd')
    const week = format(startOfISOWeek(new TZDate(now.getTime(), org.timezone)), 'yyyy-MM-dd')

    const [health, open, incidents, projects, people] = await Promise.all([
      listServiceHealth(db, range, org.timezone, now),
      countOpenIncidents(db),
      listIncidentTimes(db, range),
      listProjectFinancials(db, asOfDay),
      listPersonWeek(db, week, org.bankHolidayRegion),
    ])
    return c.json(
      {
        services: {
          from: range.from.toISOString(),
          to: range.to.toISOString(),
          ...summariseServices(health, range, now),
        },
        incidents: {
          open,
          startedInRange: incidents.length,
          mtta: {
            mean: mtta(incidents),
            count: incidents.filter((i) => i.acknowledgedAt !== null).length,
          },
          mttr: mttr(incidents),
        },
        budgets: {
          asOf: asOfDay,
          currency: org.currency,
          ...summariseBudgets(projects, asOfDay, org.ragThresholds),
        },
        capacity: {
          week,
          teams: summariseCapacity(people, org.workingDaysPerWeek),
        },
      },
      200,
    )
  },
)
