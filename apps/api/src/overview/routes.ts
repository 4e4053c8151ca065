import { capacitySummary } from '../capacity/summary.ts'
import { incidentsSummary } from '../incidents/summary.ts'
import { scopedRoute } from '../lib/scoped-route.ts'
import { projectsSummary } from '../projects/summary.ts'
import { servicesSummary } from '../services/summary.ts'
import { Overview } from './schemas.ts'

// Composition only: each area computes its own summary for the same scope.
export const overview = scopedRoute(
  '/',
  {
    summary: 'The four areas for a range: services, incidents, budgets and capacity',
    tag: 'overview',
    schema: Overview,
  },
  async (db, scope) => {
    const [services, incidents, budgets, capacity] = await Promise.all([
      servicesSummary(db, scope),
      incidentsSummary(db, scope),
      projectsSummary(db, scope),
      capacitySummary(db, scope),
    ])
    return { services, incidents, budgets, capacity }
  },
)
