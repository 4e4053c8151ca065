import type { ReactNode } from 'react'
import type { Report } from '../queries.ts'
import { trendPoints, trendSpan } from '../transform.ts'
import { FigureCard } from './figure-card.tsx'
import { ReportAppendix } from './report-appendix.tsx'
import { ReportHeader } from './report-header.tsx'
import { ReportSummary } from './report-summary.tsx'
import { ReportTable } from './report-table.tsx'
import { Heading } from './heading.tsx'
import '../report.css'

interface ReportViewProps {
  report: Report
  /** The report's title is h1 on a page of its own, h2 under a page's heading. */
  level?: 1 | 2
  /** Where a table (`figures`, `<area>.<table>`) downloads as CSV; none for the live preview. */
  csvHref?: ((table: string) => string) | undefined
  /** Shown under the header: who froze it, when a link expires. */
  meta?: ReactNode
}

/** A whole report as the stakeholders read it: the preview, a snapshot and a shared link. */
export function ReportView({ report, level = 1, csvHref, meta }: ReportViewProps) {
  const span = trendSpan(report)
  return (
    <article className="report" aria-label={report.title}>
      <ReportHeader report={report} level={level}>
        {meta}
      </ReportHeader>
      <ReportSummary summary={report.summary} level={level + 1} />
      {report.sections.map((section) => (
        <section
          key={section.area}
          className="report-section"
          aria-labelledby={`report-${section.area}`}
        >
          <Heading level={level + 1} id={`report-${section.area}`}>
            {section.title}
          </Heading>
          <div className="report-figures">
            {section.figures.map((f) => (
              <FigureCard
                key={f.key}
                figure={f}
                currency={report.currency}
                previous={report.previous.label}
                trend={trendPoints(report, f)}
                trendSpan={span}
                level={level + 2}
              />
            ))}
          </div>
          {section.tables.map((t) => (
            <ReportTable
              key={t.key}
              table={t}
              currency={report.currency}
              csvHref={csvHref?.(`${section.area}.${t.key}`)}
              level={level + 2}
            />
          ))}
        </section>
      ))}
      <ReportAppendix report={report} level={level + 1} />
    </article>
  )
}
