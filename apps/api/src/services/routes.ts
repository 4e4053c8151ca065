import { scopedRoute } from '../lib/scoped-route.ts'
import { ServicesSummary } from './schemas.ts'
import { servicesSummary } from './summary.ts'

export const services = scopedRoute(
  '/summary',
  {
    summary: 'Services now and over the range: status counts, uptime and SLO health per tier',
    tag: 'services',
    schema: ServicesSummary,
  },
  servicesSummary,
)
