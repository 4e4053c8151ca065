import { formatDay } from '../../../lib/format.ts'
import { ragChanges } from '../detail-transform.ts'
import type { ProjectEvm } from '../queries.ts'
import { ragRule } from '../transform.ts'

/** When the project changed colour and why, newest first, with the thresholds that rated it. */
export function RagHistory({ evm }: { evm: ProjectEvm }) {
  const changes = ragChanges(evm.ragHistory)
  return (
    <>
      {changes.length === 0 ? (
        <p className="muted">
          Not rated yet: the project has not started by {formatDay(evm.asOf)}.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data rag-history">
            <caption className="visually-hidden">RAG changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col" className="text">
                  From
                </th>
                <th scope="col" className="text">
                  RAG
                </th>
                <th scope="col" className="text">
                  Why
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.day}>
                  <th scope="row" className="nowrap">
                    {formatDay(c.day)}
                  </th>
                  <td>
                    <span className={`chip rag-${c.status}`}>
                      <span className="dot" aria-hidden="true" />
                      {c.label}
                    </span>
                  </td>
                  <td className="text wrap">{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small muted">
        Rated each day with the organisation’s thresholds now: {ragRule(evm.rag.thresholds)}. Only
        changes of colour are listed.
      </p>
    </>
  )
}
