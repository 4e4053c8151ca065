import type { Report } from '../queries.ts'
import { Heading } from './heading.tsx'

/** How every figure was computed, and the accounting rules it was computed under. */
export function ReportAppendix({ report, level }: { report: Report; level: number }) {
  return (
    <section className="report-appendix" aria-labelledby="report-definitions">
      <Heading level={level} id="report-definitions">
        Definitions
      </Heading>
      <dl className="report-definitions">
        {report.definitions.map((d) => (
          <div key={d.id}>
            <dt>{d.name}</dt>
            <dd>
              <code>{d.formula}</code>
              {d.notes ? <p>{d.notes}</p> : null}
            </dd>
          </div>
        ))}
      </dl>
      <Heading level={level + 1}>Accounting rules</Heading>
      <table className="data report-rules">
        <caption className="visually-hidden">Accounting rules</caption>
        <tbody>
          {report.rules.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
