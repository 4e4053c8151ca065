import { capacityReport } from '../capacity/report.ts'
import { incidentsReport } from '../incidents/report.ts'
import { projectsReport } from '../projects/report.ts'
import { servicesReport } from '../services/report.ts'

/** The areas' period sections, in the order the report shows them. */
export const AREA_REPORTS = [servicesReport, incidentsReport, projectsReport, capacityReport]
