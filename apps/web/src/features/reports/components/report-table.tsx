import type { ReportTable as Table } from '../queries.ts'
import { formatCell } from '../transform.ts'
import { Heading } from './heading.tsx'

const TEXT_UNITS = new Set(['text', 'day'])

interface ReportTableProps {
  table: Table
  currency: string
  /** Where this table downloads as CSV; no link without one (the live preview). */
  csvHref?: string | undefined
  level: number
}

/** One of an area's tables, with a caption, its CSV download, and its words when empty. */
export function ReportTable({ table, currency, csvHref, level }: ReportTableProps) {
  const csv = csvHref ? (
    <a className="report-csv" href={csvHref} download aria-label={`${table.title} as CSV`}>
      CSV
    </a>
  ) : null
  if (table.rows.length === 0) {
    return (
      <div className="report-table">
        <Heading level={level} className="report-table-title">
          {table.title}
        </Heading>
        <p className="muted">{table.empty}</p>
      </div>
    )
  }
  return (
    <div className="report-table">
      <div className="table-scroll">
        <table className="data">
          <caption>{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={TEXT_UNITS.has(c.unit) ? 'text' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {table.columns.map((c, j) => {
                  const text = formatCell(row[c.key] ?? null, c.unit, currency, c.key)
                  const className = TEXT_UNITS.has(c.unit) ? undefined : 'num'
                  return j === 0 ? (
                    <th key={c.key} scope="row" className={className}>
                      {text}
                    </th>
                  ) : (
                    <td key={c.key} className={className}>
                      {text}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {csv ? <p className="report-table-actions">{csv}</p> : null}
    </div>
  )
}
