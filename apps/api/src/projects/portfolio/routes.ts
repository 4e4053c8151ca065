import { LIVE_PROJECT_STATUSES } from '@opsdeck/contract'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { type CapacityRisk, projectCapacityRisks } from '../../capacity/queries.ts'
import { localDay } from '../../lib/calendar.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { validate } from '../../lib/validate.ts'
import { listRatedProjects, type RatedProject, rollUp } from './figures.ts'
import { cached } from '../../lib/figures-cache.ts'
import {
  Portfolio,
  PORTFOLIO_DEFINITIONS,
  type PortfolioProject,
  PortfolioQuery,
} from './schemas.ts'

// GET /portfolio: every project of the statuses with its EVM, RAG and forecast, and the roll-up.
export const portfolio = new Hono<AppEnv>().get(
  '/',
  doc({
    summary:
      'The portfolio as of a day (default today): per project BAC, PV, EV, AC, % spent, % complete, CPI, SPI, EAC, ETC, VAC, TCPI, RAG with its reason, forecast finish, capex/opex budget and the risk from capacity (its people booked over 110%, or on leave half the week or more, in the next 4 weeks); the totals (money summed, indices recomputed from the sums); budget and actuals by capex and opex. Default statuses: active and on hold; projects not yet started are listed with PV 0',
    tags: ['projects'],
    responses: { 200: Portfolio },
    errors: ['validation_failed'],
  }),
  access('read'),
  validate('query', PortfolioQuery),
  (c) =>
    cached(c, async () => {
      const q = c.req.valid('query')
      const org = await getOrganisation(c.var.readDb)
      const asOf = q.asOf ?? localDay(c.var.now, org.timezone)
      const statuses = q.status ? [...new Set(q.status)] : [...LIVE_PROJECT_STATUSES]
      const [rows, risks] = await Promise.all([
        listRatedProjects(c.var.readDb, { asOf, statuses, thresholds: org.ragThresholds }),
        projectCapacityRisks(c.var.readDb, { now: c.var.now, org }),
      ])
      const live = new Set<string>(LIVE_PROJECT_STATUSES)
      const riskOf = (r: RatedProject) =>
        live.has(r.project.status) ? (risks.get(r.project.code) ?? null) : null
      const { totals, capexOpex } = rollUp(rows)
      const body: Portfolio = {
        asOf,
        currency: org.currency,
        statuses,
        projects: rows.map((r) => portfolioProject(r, riskOf(r))),
        totals: { projects: rows.length, ...totals },
        capexOpex,
        definitions: PORTFOLIO_DEFINITIONS,
        thresholds: org.ragThresholds,
      }
      return c.json(body, 200)
    }),
)

function portfolioProject(r: RatedProject, capacityRisk: CapacityRisk | null): PortfolioProject {
  const p = r.project
  return {
    code: p.code,
    name: p.name,
    status: p.status,
    owner: p.ownerId === null ? null : { id: p.ownerId, name: p.ownerName ?? '' },
    startDate: p.startDate,
    endDate: p.endDate,
    started: r.started,
    ...r.figures,
    spentShare: r.spentShare,
    percentComplete: p.percentComplete,
    rag: r.rag,
    forecastFinish: r.forecastFinish,
    finishLate: r.finishLate,
    budget: { capex: p.bacCapex, opex: p.bacOpex },
    actual: { capex: p.acCapex, opex: p.acOpex },
    capacityRisk,
  }
}
