import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { invalidRange, RangeQuery } from '../../lib/range.ts'
import { scopeOf } from '../../lib/scope.ts'
import { errorBody } from '../../lib/errors.ts'
import { validate } from '../../lib/validate.ts'
import { listServices } from './list-services.ts'
import { findServiceBySlug } from './queries.ts'
import { DailyQuery, ServiceListQuery, ServiceSlugParam } from './requests.ts'
import { ServiceDaily, ServiceDetail, ServiceList, ServiceSeries } from './schemas.ts'
import { serviceDaily } from './service-daily.ts'
import { serviceDetail } from './service-detail.ts'
import { serviceSeries } from './service-series.ts'
import { cached } from '../../lib/figures-cache.ts'

const tags = ['services']

// GET /services and a service's figures. Aggregation over the rollups, a few statements a request.
export const reads = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary:
        'Every service with its status now, uptime 24 h / 7 d / 30 d, error budget, burn rate, p95 and a 90-day strip; filtered and sorted',
      tags,
      responses: { 200: ServiceList },
    }),
    access('read'),
    validate('query', ServiceListQuery),
    (c) =>
      cached(c, async () => {
        const q = c.req.valid('query')
        const org = await getOrganisation(c.var.readDb)
        const body = await listServices(
          c.var.readDb,
          {
            statuses: q.status,
            tiers: q.tier,
            teams: q.team,
            q: q.q,
            archived: q.archived,
            sort: q.sort,
            order: q.order,
          },
          org,
          c.var.now,
        )
        return c.json(body, 200)
      }),
  )
  .get(
    '/:slug',
    doc({
      summary:
        'One service: identity, check configuration, status now, KPIs for 24 h / 7 d / 30 d / 90 d / the range / this month, budget, burn rates, latency, alerts, incidents, maintenance',
      tags,
      responses: { 200: ServiceDetail },
      errors: ['service_not_found', 'invalid_range'],
    }),
    access('read'),
    validate('param', ServiceSlugParam),
    validate('query', RangeQuery),
    (c) =>
      cached(c, async () => {
        const [service, scoped] = await Promise.all([
          findServiceBySlug(c.var.readDb, c.req.valid('param').slug),
          scopeOf(c.var.readDb, c.req.valid('query'), c.var.now),
        ])
        if (!service) return c.json(notFound, 404)
        if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
        return c.json(await serviceDetail(c.var.readDb, service, scoped.scope), 200)
      }),
  )
  .get(
    '/:slug/series',
    doc({
      summary:
        'Uptime and latency (p50, p95) over the range in at most 1,000 buckets, maintenance and incident markers, and the error-budget burn-down',
      tags,
      responses: { 200: ServiceSeries },
      errors: ['service_not_found', 'invalid_range'],
    }),
    access('read'),
    validate('param', ServiceSlugParam),
    validate('query', RangeQuery),
    async (c) => {
      const [service, scoped] = await Promise.all([
        findServiceBySlug(c.var.readDb, c.req.valid('param').slug),
        scopeOf(c.var.readDb, c.req.valid('query'), c.var.now),
      ])
      if (!service) return c.json(notFound, 404)
      if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
      return c.json(await serviceSeries(c.var.readDb, service, scoped.scope), 200)
    },
  )
  .get(
    '/:slug/daily',
    doc({
      summary: 'Per local day (up to 400, 90 by default): uptime, coverage, counts, met SLO',
      tags,
      responses: { 200: ServiceDaily },
      errors: ['service_not_found'],
    }),
    access('read'),
    validate('param', ServiceSlugParam),
    validate('query', DailyQuery),
    async (c) => {
      const service = await findServiceBySlug(c.var.readDb, c.req.valid('param').slug)
      if (!service) return c.json(notFound, 404)
      const org = await getOrganisation(c.var.readDb)
      const body = await serviceDaily(
        c.var.readDb,
        service,
        c.req.valid('query').days,
        org,
        c.var.now,
      )
      return c.json(body, 200)
    },
  )

const notFound = errorBody('service_not_found', 'No such service')
