import type { PreviewColumn, PreviewRow, RowStatus } from './import-files.ts'

const STATUS_TEXT: Record<RowStatus, string> = {
  new: 'New',
  duplicate: 'Duplicate',
  error: 'Error',
}

interface ImportRowsProps<R extends PreviewRow> {
  columns: readonly PreviewColumn<R>[]
  rows: readonly R[]
  caption: string
}

/** Every row of the preview: its line, status, values as read, and each error by column. */
export function ImportRows<R extends PreviewRow>({ columns, rows, caption }: ImportRowsProps<R>) {
  return (
    <div className="table-scroll import-rows" tabIndex={0} role="region" aria-label={caption}>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="text">
              Status
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.num ? undefined : 'text'}>
                {c.label}
              </th>
            ))}
            <th scope="col" className="text">
              Problems
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const bad = new Set(row.errors.map((e) => e.column))
            return (
              <tr key={row.line} className={`import-row-${row.status}`}>
                <th scope="row" className="num">
                  {row.line}
                </th>
                <td>
                  <span className={`chip import-status import-status-${row.status}`}>
                    {STATUS_TEXT[row.status]}
                  </span>
                </td>
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className={[c.num ? 'num' : '', bad.has(c.key) ? 'import-cell-bad' : '']
                      .filter(Boolean)
                      .join(' ')}
                  >
                    {c.cell(row)}
                  </td>
                ))}
                <td className="wrap import-errors">
                  {row.errors.length ? (
                    <ul>
                      {row.errors.map((e, i) => (
                        <li key={i}>
                          <strong>{e.column}</strong>: {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
