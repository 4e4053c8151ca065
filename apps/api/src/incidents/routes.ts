import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { scopedRoute } from '../lib/scoped-route.ts'
import { lifecycle } from './lifecycle/routes.ts'
import { metrics } from './metrics/routes.ts'
import { reads } from './reads/routes.ts'
import { reviews } from './reviews/routes.ts'
import { IncidentsSummary } from './schemas.ts'
import { incidentsSummary } from './summary.ts'
import { targets } from './targets/routes.ts'

// The area's routes under /api/v1/incidents, one folder per concern, each with its routes,
// schemas and queries (targets: response targets and intake settings; reads: the list and one
// incident; lifecycle: the writes; reviews: the review and its action items; metrics: the
// response and reliability figures). The fixed paths go first: GET /:ref must not shadow them.
export const incidents = new Hono<AppEnv>()
  .route(
    '/',
    scopedRoute(
      '/summary',
      {
        summary:
          'Open incidents by severity; MTTA and MTTR over the incidents started in the range',
        tag: 'incidents',
        schema: IncidentsSummary,
      },
      incidentsSummary,
    ),
  )
  .route('/', targets)
  .route('/', metrics)
  .route('/', reads)
  .route('/', lifecycle)
  .route('/', reviews)
