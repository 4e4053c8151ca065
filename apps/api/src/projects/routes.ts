import { scopedRoute } from '../lib/scoped-route.ts'
import { ProjectsSummary } from './schemas.ts'
import { projectsSummary } from './summary.ts'

export const projects = scopedRoute(
  '/summary',
  {
    summary:
      'The live portfolio as of the range’s last day: budget, spend, forecast, RAG and the projects at risk',
    tag: 'projects',
    schema: ProjectsSummary,
  },
  projectsSummary,
)
