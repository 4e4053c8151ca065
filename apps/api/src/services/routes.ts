import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { scopedRoute } from '../lib/scoped-route.ts'
import { catalogue } from './catalogue/routes.ts'
import { maintenance } from './maintenance/routes.ts'
import { reads } from './reads/routes.ts'
import { ServicesSummary } from './schemas.ts'
import { servicesSummary } from './summary.ts'

// The area's routes under /api/v1/services, one folder per concern (reads: the figures; catalogue:
// the services' writes; maintenance; business: business services; checks: sample ingestion), each
// with its routes, schemas and queries. The summary goes first: a service may not be slugged
// 'summary', and GET /:slug must not shadow it.
export const services = new Hono<AppEnv>()
  .route(
    '/',
    scopedRoute(
      '/summary',
      {
        summary: 'Services now and over the range: status counts, uptime and SLO health per tier',
        tag: 'services',
        schema: ServicesSummary,
      },
      servicesSummary,
    ),
  )
  .route('/', reads)
  .route('/', catalogue)
  .route('/', maintenance)

export { businessServices } from './business/routes.ts'
export { checks } from './checks/routes.ts'
