import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { scopedRoute } from '../lib/scoped-route.ts'
import { actuals } from './actuals/routes.ts'
import { capacityRisk } from './capacity-risk/routes.ts'
import { catalogue } from './catalogue/routes.ts'
import { evm } from './evm/routes.ts'
import { imports } from './imports/routes.ts'
import { plans } from './plans/routes.ts'
import { ProjectsSummary } from './schemas.ts'
import { projectsSummary } from './summary.ts'

// The area's routes under /api/v1/projects, one folder per concern (catalogue: projects and their
// budget lines; plans: baselines and progress; actuals: cost entries; evm: one project's figures;
// imports: CSV import and export; capacity-risk: its people's risk, from the capacity area). /api/v1/portfolio and /api/v1/suppliers are this area's too,
// mounted in app.ts from portfolio/ and suppliers/. Fixed paths first: /:code must not shadow them.
export const projects = new Hono<AppEnv>()
  .route(
    '/',
    scopedRoute(
      '/summary',
      {
        summary:
          'The live portfolio as of the range’s last day: budget, spend, forecast, RAG and the projects at risk',
        tag: 'projects',
        schema: ProjectsSummary,
      },
      projectsSummary,
    ),
  )
  .route('/', imports)
  .route('/', catalogue)
  .route('/', evm)
  .route('/', capacityRisk)
  .route('/', plans)
  .route('/', actuals)
