import type { ReactNode } from 'react'
import { formatDay, formatInstant } from '../../../lib/format.ts'
import type { Report } from '../queries.ts'
import { Heading } from './heading.tsx'

interface ReportHeaderProps {
  report: Report
  level: number
  /** More about this copy: who froze it, when a shared link expires. */
  children?: ReactNode
}

/** Whose report, for which period, counting the data up to when. */
export function ReportHeader({ report, level, children }: ReportHeaderProps) {
  const { period } = report
  return (
    <header className="report-header">
      <p className="report-organisation">{report.organisation}</p>
      <Heading level={level}>{report.title}</Heading>
      <p className="report-period">
        <strong>{period.label}</strong> ({formatDay(period.firstDay)} to {formatDay(period.lastDay)}
        , {report.timezone}) · Data up to {formatInstant(report.dataCutoff)}
      </p>
      {report.partial ? (
        <p className="report-partial" role="note">
          <strong>Partial period:</strong> {period.label} has not ended yet, so these figures will
          still change.
        </p>
      ) : null}
      {children}
    </header>
  )
}
