// How each number is computed, in words for tooltips and the report appendix, one file per area.
// Keep in step with the code: every formula here is the one its function implements.
import { CAPACITY_DEFINITIONS } from './definitions/capacity.ts'
import { INCIDENT_DEFINITIONS } from './definitions/incidents.ts'
import { PROJECT_DEFINITIONS } from './definitions/projects.ts'
import { REPORT_DEFINITIONS } from './definitions/reports.ts'
import { SERVICE_DEFINITIONS } from './definitions/services.ts'

export type { KpiDefinition } from './definitions/kind.ts'

export const KPI_DEFINITIONS = {
  ...SERVICE_DEFINITIONS,
  ...INCIDENT_DEFINITIONS,
  ...PROJECT_DEFINITIONS,
  ...CAPACITY_DEFINITIONS,
  ...REPORT_DEFINITIONS,
}

export type KpiId = keyof typeof KPI_DEFINITIONS
