import type { ReportSummary as Summary } from '../queries.ts'
import { Heading } from './heading.tsx'

/** The executive summary: the text, then what went well and what to watch. */
export function ReportSummary({ summary, level }: { summary: Summary; level: number }) {
  return (
    <section className="report-summary" aria-labelledby="report-summary-title">
      <Heading level={level} id="report-summary-title">
        Executive summary
      </Heading>
      {summary.text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      <div className="report-lists">
        <SummaryList title="Highlights" items={summary.highlights} level={level + 1} />
        <SummaryList title="Risks" items={summary.risks} level={level + 1} />
      </div>
    </section>
  )
}

function SummaryList(props: { title: string; items: readonly string[]; level: number }) {
  const { title, items, level } = props
  return (
    <div>
      <Heading level={level}>{title}</Heading>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
