import { useState } from 'react'
import { formatDay } from '../../../lib/format.ts'
import { ragChanges } from '../detail-transform.ts'
import type { ProjectEvm } from '../queries.ts'
import { ragRule } from '../transform.ts'

// A project hovering at a threshold flips often: the latest few first, the rest on request.
const FIRST = 8

/** When the project changed colour and why, newest first, with the thresholds that rated it. */
export function RagHistory({ evm }: { evm: ProjectEvm }) {
  const [all, setAll] = useState(false)
  const changes = ragChanges(evm.ragHistory)
  const shown = all ? changes : changes.slice(0, FIRST)
  return (
    <>
      {changes.length === 0 ? (
        <p className="muted">
          Not rated yet: the project has not started by {formatDay(evm.asOf)}.
        </p>
      ) : (
        <>
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
                {shown.map((c) => (
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
          {changes.length > FIRST ? (
            <button type="button" className="button-link" onClick={() => setAll(!all)}>
              {all ? `Show the latest ${FIRST}` : `Show all ${changes.length} changes`}
            </button>
          ) : null}
        </>
      )}
      <p className="small muted">
        Rated each day with the organisation’s thresholds now: {ragRule(evm.rag.thresholds)}. Only
        changes of colour are listed.
      </p>
    </>
  )
}
