import type { Migration } from 'kysely/migration'
import * as organisation from './2026-11-27-01-organisation.ts'
import * as services from './2026-11-27-02-services.ts'
import * as incidents from './2026-11-27-03-incidents.ts'
import * as projects from './2026-11-27-04-projects.ts'
import * as capacity from './2026-11-27-05-capacity.ts'
import * as auth from './2026-11-27-06-auth.ts'
import * as authThrottle from './2026-11-28-01-auth-throttle.ts'
import * as loginLockout from './2026-12-02-01-login-lockout.ts'
import * as loginDevices from './2026-12-02-02-login-devices.ts'
import * as dailyRollupTimezone from './2026-12-02-03-daily-rollup-timezone.ts'
import * as serviceHealth from './2026-12-02-04-service-health.ts'
import * as incidentLifecycle from './2026-12-02-05-incident-lifecycle.ts'
import * as projectBudgets from './2026-12-02-06-project-budgets.ts'
import * as costEntriesCovering from './2026-12-03-01-cost-entries-covering.ts'
import * as capacityCalendar from './2026-12-03-02-capacity-calendar.ts'
import * as reports from './2026-12-03-03-reports.ts'

// Listed, not scanned from disk: the order is explicit and bundlers keep them.
export const migrations: Record<string, Migration> = {
  '2026-11-27-01-organisation': organisation,
  '2026-11-27-02-services': services,
  '2026-11-27-03-incidents': incidents,
  '2026-11-27-04-projects': projects,
  '2026-11-27-05-capacity': capacity,
  '2026-11-27-06-auth': auth,
  '2026-11-28-01-auth-throttle': authThrottle,
  '2026-12-02-01-login-lockout': loginLockout,
  '2026-12-02-02-login-devices': loginDevices,
  '2026-12-02-03-daily-rollup-timezone': dailyRollupTimezone,
  '2026-12-02-04-service-health': serviceHealth,
  '2026-12-02-05-incident-lifecycle': incidentLifecycle,
  '2026-12-02-06-project-budgets': projectBudgets,
  '2026-12-03-01-cost-entries-covering': costEntriesCovering,
  '2026-12-03-02-capacity-calendar': capacityCalendar,
  '2026-12-03-03-reports': reports,
}
