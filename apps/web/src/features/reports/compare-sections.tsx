import { useId } from 'react'
import { compareReports, type CompareRow } from './compare-transform.ts'
import type { Snapshot } from './queries.ts'

const VERDICT_WORDS = { better: 'better', worse: 'worse', same: '', neutral: '' } as const

/** Section by section, every figure either report has: A, B and the difference with its verdict. */
export function CompareSections({ a, b }: { a: Snapshot; b: Snapshot }) {
  const sections = compareReports(a, b)
  const [labelA, labelB] = [a.report.period.label, b.report.period.label]
  return sections.map((section) => (
    <section key={section.area} className="report-section" aria-label={section.title}>
      <h2>{section.title}</h2>
      <div className="table-scroll">
        <table className="data compare-table">
          <caption className="visually-hidden">
            {section.title}: {labelA} (A) against {labelB} (B)
          </caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">A · {labelA}</th>
              <th scope="col">B · {labelB}</th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num">{row.a}</td>
                <td className="num">{row.b}</td>
                <Difference row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  ))
}

// The verdict in words as well as colour: the page prints in black and white.
function Difference({ row }: { row: CompareRow }) {
  const words = row.verdict ? VERDICT_WORDS[row.verdict] : ''
  return (
    <td className={`num${row.verdict ? ` verdict-${row.verdict}` : ''}`}>
      {row.difference}
      {words ? <span className="report-verdict"> ({words})</span> : null}
    </td>
  )
}

/** The two written summaries side by side. */
export function CompareSummaries({ a, b }: { a: Snapshot; b: Snapshot }) {
  return (
    <section className="report-summary" aria-label="Executive summaries">
      <h2>Executive summaries</h2>
      <div className="compare-sides">
        <SummaryColumn side="A" snapshot={a} />
        <SummaryColumn side="B" snapshot={b} />
      </div>
    </section>
  )
}

function SummaryColumn({ side, snapshot }: { side: 'A' | 'B'; snapshot: Snapshot }) {
  const id = useId()
  const { summary, period } = snapshot.report
  return (
    <div role="group" aria-labelledby={id}>
      <h3 id={id}>
        {side} · {period.label}
      </h3>
      {summary.text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      <List title="Highlights" items={summary.highlights} />
      <List title="Risks" items={summary.risks} />
    </div>
  )
}

function List({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </>
  )
}
