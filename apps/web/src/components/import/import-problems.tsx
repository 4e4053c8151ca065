import type { ImportProblem } from './import-files.ts'

/** Problems by line and column: the file's own (a missing column) and a refused commit's. */
export function ImportProblems({
  problems,
  caption,
}: {
  problems: readonly ImportProblem[]
  caption: string
}) {
  return (
    <div className="table-scroll import-problems">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="text">
              Column
            </th>
            <th scope="col" className="text">
              Problem
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td className="num">{p.line}</td>
              <td>{p.column ?? <span className="muted">the file</span>}</td>
              <td className="wrap">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
