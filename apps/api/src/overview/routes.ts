import { capacitySummary } from '../capacity/summary.ts'
import { incidentsSummary } from '../incidents/summary.ts'
import { scopedRoute } from '../lib/scoped-route.ts'
import { projectsSummary } from '../projects/summary.ts'
import { servicesSummary } from '../services/summary.ts'
import { needsAttention } from './attention.ts'
import { Overview } from './schemas.ts'

// Composition only: each area computes its own summary for the same scope, and its "needs
// attention" items. The items are a field here, not a route of their own, so that the Overview
// stays one request: one scope (organisation and clock read once), one loading and error state.
export const overview = scopedRoute(
  '/',
  {
    summary:
      'The four areas for a range (services, incidents, budgets, capacity) and what needs attention now',
    tag: 'overview',
    schema: Overview,
  },
  async (db, scope) => {
    const [services, incidents, budgets, capacity, attention] = await Promise.all([
      servicesSummary(db, scope),
      incidentsSummary(db, scope),
      projectsSummary(db, scope),
      capacitySummary(db, scope),
      needsAttention(db, scope),
    ])
    return { services, incidents, budgets, capacity, attention }
  },
)
