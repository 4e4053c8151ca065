import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { scopedRoute } from '../lib/scoped-route.ts'
import { grid } from './grid/routes.ts'
import { capacityImports } from './imports/routes.ts'
import { CapacitySummary } from './schemas.ts'
import { capacitySummary } from './summary.ts'

// The area's routes under /api/v1/capacity: the Overview's summary and the reads of the capacity
// model (grid/: the heatmap, over-allocations, run vs change, cover risk, forecast), and the CSV
// import and export of people and allocations (imports/).
export const capacity = new Hono<AppEnv>()
  .route(
    '/',
    scopedRoute(
      '/summary',
      {
        summary:
          'This week’s capacity, confirmed bookings and utilization per team and for all teams',
        tag: 'capacity',
        schema: CapacitySummary,
      },
      capacitySummary,
    ),
  )
  .route('/', grid)
  .route('/', capacityImports)
