import { scopedRoute } from '../lib/scoped-route.ts'
import { CapacitySummary } from './schemas.ts'
import { capacitySummary } from './summary.ts'

export const capacity = scopedRoute(
  '/summary',
  {
    summary: 'This week’s capacity, allocation and utilization per team and for all teams',
    tag: 'capacity',
    schema: CapacitySummary,
  },
  capacitySummary,
)
