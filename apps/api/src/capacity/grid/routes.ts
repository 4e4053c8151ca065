import { CAPACITY_WEEKS_AHEAD, CAPACITY_WEEKS_BACK } from '@opsdeck/contract'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { isoWeekOf } from '../../lib/calendar.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { validate } from '../../lib/validate.ts'
import { capacityModel } from '../model/index.ts'
import { findPersonRef } from '../model/load.ts'
import { mondayOf, shiftDay } from '../model/weeks.ts'
import { listTierOneOwners } from '../queries.ts'
import { COVER_DEFINITIONS, coverRisks } from './cover.ts'
import { personWeekDetail } from './cells.ts'
import { forecast, FORECAST_DEFINITIONS } from './forecast.ts'
import { OVERALLOCATION_DEFINITIONS, overallocations } from './overallocations.ts'
import { checkSpan, weekRange } from './range.ts'
import { monthsBetween, runChange, RUN_CHANGE_DEFINITIONS } from './run-change.ts'
import {
  CapacityGrid,
  Cover,
  CoverQuery,
  Forecast,
  ForecastQuery,
  GridQuery,
  Overallocations,
  OverallocationsQuery,
  PersonWeekDetail,
  PersonWeekParam,
  PersonWeekQuery,
  RunChange,
  RunChangeQuery,
} from './schemas.ts'
import { GRID_DEFINITIONS, weekGrid } from './week-grid.ts'
import { cached } from '../../lib/figures-cache.ts'

const tags = ['capacity']
const FORECAST_WEEKS = 12
// A person not employed (or not in the team) that week: nothing behind the cell.
const NOTHING = { bankHolidays: [], closures: [], timeOff: [], timeOffDays: 0, allocations: [] }

async function context(c: { var: AppEnv['Variables'] }) {
  const org = await getOrganisation(c.var.readDb)
  const thisWeek = isoWeekOf(c.var.now, org.timezone)
  const load = { orgRegion: org.bankHolidayRegion, timezone: org.timezone, now: c.var.now }
  return { org, thisWeek, load }
}

// The capacity reads, all worked from one model (model/index.ts) day by day with packages/kpi.
export const grid = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary: `The capacity heatmap by ISO week (default ${CAPACITY_WEEKS_BACK} weeks back and ${CAPACITY_WEEKS_AHEAD} ahead of this week): per team (sums of its people's days in it, and its headcount) and, with people=true, per person: capacity, time off, effective capacity, booked hours by kind (confirmed and tentative), utilization with and without tentative work (\`utilization\` per includeTentative), free and over hours, incident toil and focus capacity. Filtered by team slug and role`,
      description:
        'Teams only by default (an organisation of 500 people would otherwise be megabytes): ask a team’s people with `team=<slug>&people=true` when its row opens, and the days and bookings behind a person’s week from GET /capacity/people/{id}/weeks/{week}.',
      tags,
      responses: { 200: CapacityGrid },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', GridQuery),
    (c) =>
      cached(c, async () => {
        const q = c.req.valid('query')
        const { thisWeek, load } = await context(c)
        const range = weekRange(q, thisWeek, {
          back: CAPACITY_WEEKS_BACK,
          ahead: CAPACITY_WEEKS_AHEAD,
        })
        if (!range.ok) return c.json(range.body, 400)
        const includeTentative = q.includeTentative ?? false
        const model = await capacityModel(c.var.readDb, {
          ...load,
          from: range.from,
          to: range.to,
          teamSlug: q.team,
          role: q.role,
        })
        const body: CapacityGrid = {
          from: range.from,
          to: range.to,
          weeks: range.weeks,
          thisWeek,
          includeTentative,
          team: q.team ?? null,
          role: q.role ?? null,
          ...weekGrid(model, range.weeks, { includeTentative, people: q.people ?? false }),
          definitions: GRID_DEFINITIONS,
        }
        return c.json(body, 200)
      }),
  )
  .get(
    '/people/:id/weeks/:week',
    doc({
      summary:
        'What lies behind a person’s heatmap cell: the bank holidays (of their region), closure days and leave on their working days of the ISO week, and each allocation with the hours it books on those days; with `team`, only their days in that team (as its row sums them). A week they did not work in the team has empty lists',
      tags,
      responses: { 200: PersonWeekDetail },
      errors: ['person_not_found'],
    }),
    access('read'),
    validate('param', PersonWeekParam),
    validate('query', PersonWeekQuery),
    async (c) => {
      const { id, week: day } = c.req.valid('param')
      const q = c.req.valid('query')
      const { load } = await context(c)
      const week = mondayOf(day)
      const model = await capacityModel(c.var.readDb, {
        ...load,
        from: week,
        to: shiftDay(week, 6),
        teamSlug: q.team,
        personId: id,
      })
      const modelled = model.people[0]
      const person = modelled ?? (await findPersonRef(c.var.readDb, id))
      if (!person) {
        return c.json(errorBody('person_not_found', `No person with id ${id}`), 404)
      }
      const teamId = q.team === undefined ? null : (model.teams[0]?.id ?? -1)
      const body: PersonWeekDetail = {
        person: { id: person.id, name: person.name, role: person.role },
        week,
        team: q.team ?? null,
        ...(modelled ? personWeekDetail(model, modelled, week, teamId) : NOTHING),
      }
      return c.json(body, 200)
    },
  )
  .get(
    '/overallocations',
    doc({
      summary: `Person-weeks booked above effective capacity (default this week and the ${CAPACITY_WEEKS_AHEAD - 1} after it): the person, their team at the end of the week, booked and effective hours, hours over, utilization, the allocations behind it and the days of leave with work booked on them`,
      tags,
      responses: { 200: Overallocations },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', OverallocationsQuery),
    async (c) => {
      const q = c.req.valid('query')
      const { thisWeek, load } = await context(c)
      const range = weekRange(q, thisWeek, { back: 0, ahead: CAPACITY_WEEKS_AHEAD - 1 })
      if (!range.ok) return c.json(range.body, 400)
      const includeTentative = q.includeTentative ?? false
      const model = await capacityModel(c.var.readDb, { ...load, from: range.from, to: range.to })
      const body: Overallocations = {
        from: range.from,
        to: range.to,
        includeTentative,
        items: overallocations(model, range.weeks, includeTentative),
        definitions: OVERALLOCATION_DEFINITIONS,
      }
      return c.json(body, 200)
    },
  )
  .get(
    '/run-change',
    doc({
      summary: `Run (run/BAU + support + incident toil) against change (project) hours of confirmed work by month, with their shares, for the days \`from\`–\`to\` (inclusive; default the months the heatmap's default weeks touch), of one team (slug) or all; and incident toil by team and month`,
      tags,
      responses: { 200: RunChange },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', RunChangeQuery),
    async (c) => {
      const q = c.req.valid('query')
      const { thisWeek, load } = await context(c)
      const from = q.from ?? `${shiftDay(thisWeek, -7 * CAPACITY_WEEKS_BACK).slice(0, 7)}-01`
      const to = q.to ?? lastOfMonth(shiftDay(thisWeek, 7 * CAPACITY_WEEKS_AHEAD + 6))
      const refused = checkSpan(q, from, to)
      if (refused) return c.json(refused.body, 400)
      const model = await capacityModel(c.var.readDb, { ...load, from, to, teamSlug: q.team })
      const teamId = q.team === undefined ? null : (model.teams[0]?.id ?? -1)
      const body: RunChange = {
        from,
        to,
        team: q.team ?? null,
        ...runChange(model, monthsBetween(from, to), teamId),
        definitions: RUN_CHANGE_DEFINITIONS,
      }
      return c.json(body, 200)
    },
  )
  .get(
    '/cover',
    doc({
      summary: `Cover risk (default this week and the ${CAPACITY_WEEKS_AHEAD - 1} after it): the weeks in which a tier-1 service's owner team has fewer than 2 people available on one of the organisation's working days, with its services, those days and who is available`,
      tags,
      responses: { 200: Cover },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', CoverQuery),
    async (c) => {
      const q = c.req.valid('query')
      const { org, thisWeek, load } = await context(c)
      const range = weekRange(q, thisWeek, { back: 0, ahead: CAPACITY_WEEKS_AHEAD - 1 })
      if (!range.ok) return c.json(range.body, 400)
      const owners = await listTierOneOwners(c.var.readDb)
      const model = await capacityModel(c.var.readDb, {
        ...load,
        from: range.from,
        to: range.to,
        teamIds: [...owners.keys()],
      })
      const body: Cover = {
        from: range.from,
        to: range.to,
        minimum: 2,
        risks: coverRisks(model, range.weeks, owners, org),
        definitions: COVER_DEFINITIONS,
      }
      return c.json(body, 200)
    },
  )
  .get(
    '/forecast',
    doc({
      summary: `The next weeks from this one (default ${FORECAST_WEEKS}) by team and by role: demand (booked hours, tentative included unless includeTentative=false) against effective capacity, each week flagged where demand exceeds it`,
      tags,
      responses: { 200: Forecast },
    }),
    access('read'),
    validate('query', ForecastQuery),
    async (c) => {
      const q = c.req.valid('query')
      const { thisWeek, load } = await context(c)
      const includeTentative = q.includeTentative ?? true
      const range = weekRange({}, thisWeek, { back: 0, ahead: (q.weeks ?? FORECAST_WEEKS) - 1 })
      // weeks is at most MAX_CAPACITY_WEEKS: the span always fits.
      if (!range.ok) throw new Error(range.body.error.message)
      const model = await capacityModel(c.var.readDb, { ...load, from: range.from, to: range.to })
      const body: Forecast = {
        from: range.from,
        to: range.to,
        weeks: range.weeks,
        includeTentative,
        ...forecast(model, range.weeks, includeTentative),
        definitions: FORECAST_DEFINITIONS,
      }
      return c.json(body, 200)
    },
  )

/** The last day of a day's month. */
function lastOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}
