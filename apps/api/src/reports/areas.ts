import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { capacityReport } from '../capacity/report.ts'
import { incidentsReport } from '../incidents/report.ts'
import type { AreaReport, SectionOptions } from '../lib/report-section.ts'
import type { Scope } from '../lib/scope.ts'
import { projectsReport } from '../projects/report.ts'
import { servicesReport } from '../services/report.ts'

export type AreaBuilder = (
  db: Kysely<Database>,
  scope: Scope,
  options: SectionOptions,
) => Promise<AreaReport>

/** The areas' period sections, in the order the report shows them. */
export const AREA_REPORTS: readonly AreaBuilder[] = [
  servicesReport,
  incidentsReport,
  projectsReport,
  capacityReport,
]
