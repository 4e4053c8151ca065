import { scopedRoute } from '../lib/scoped-route.ts'
import { IncidentsSummary } from './schemas.ts'
import { incidentsSummary } from './summary.ts'

export const incidents = scopedRoute(
  '/summary',
  {
    summary: 'Open incidents by severity; MTTA and MTTR over the incidents started in the range',
    tag: 'incidents',
    schema: IncidentsSummary,
  },
  incidentsSummary,
)
