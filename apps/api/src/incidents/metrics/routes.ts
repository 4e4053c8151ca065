import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { doc } from '../../lib/openapi.ts'
import { invalidRange } from '../../lib/range.ts'
import { scopeOf } from '../../lib/scope.ts'
import { validate } from '../../lib/validate.ts'
import { incidentMetrics } from './metrics.ts'
import { IncidentMetrics, IncidentMetricsQuery } from './schemas.ts'

// GET /incidents/metrics: response and reliability figures for a range and filter.
export const metrics = new Hono<AppEnv>().get(
  '/metrics',
  doc({
    summary:
      'Response and reliability figures of the incidents that started in the range (default the last 30 days), filtered by severity, service and owner team: counts by severity, service, team and month; MTTA, MTTR and MTTD (mean, median, p90), also per month and severity; SLA breach rate; open and overdue follow-ups; repeat incidents; MTBF and downtime per service; downtime and error budget consumed per incident',
    tags: ['incidents'],
    responses: { 200: IncidentMetrics },
    errors: ['invalid_range'],
  }),
  access('read'),
  validate('query', IncidentMetricsQuery),
  async (c) => {
    const q = c.req.valid('query')
    // Days as bounds are the organisation's days; months are its months too.
    const scoped = await scopeOf(c.var.db, { from: q.from, to: q.to }, c.var.now)
    if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
    const filters = { severities: q.severity, services: q.service, teams: q.team }
    return c.json(await incidentMetrics(c.var.db, scoped.scope, filters), 200)
  },
)
