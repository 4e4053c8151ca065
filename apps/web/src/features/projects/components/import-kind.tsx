import { IMPORT_KINDS, type ImportKind, templateHref } from '../import-transform.ts'

interface ImportKindProps {
  kind: ImportKind
  onChange: (kind: ImportKind) => void
}

/** Step 1: actuals or baseline plans, with the columns and formats that kind of file needs. */
export function ImportKindStep({ kind, onChange }: ImportKindProps) {
  const spec = IMPORT_KINDS[kind]
  return (
    <section className="panel import-step" aria-labelledby="import-kind-title">
      <h2 id="import-kind-title">1. What to import</h2>
      <fieldset className="field import-kinds">
        <legend className="visually-hidden">What the file holds</legend>
        {(Object.keys(IMPORT_KINDS) as ImportKind[]).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name="import-kind"
              value={k}
              checked={kind === k}
              onChange={() => onChange(k)}
            />
            {IMPORT_KINDS[k].label}
          </label>
        ))}
      </fieldset>
      <p>{spec.about}</p>
      <div className="table-scroll">
        <table className="data import-columns">
          <caption className="visually-hidden">The columns of a {spec.label} file</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col" className="text">
                Required
              </th>
              <th scope="col" className="text">
                Format
              </th>
            </tr>
          </thead>
          <tbody>
            {spec.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.required ? 'Required' : 'Optional'}</td>
                <td className="wrap">{c.format}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        The first row names the columns, in any order and any case; other columns are ignored.
        UTF-8, with or without a BOM; Windows or Unix line ends.{' '}
        <a href={templateHref(kind)} download={spec.fileName}>
          Download a template ({spec.fileName})
        </a>
      </p>
    </section>
  )
}
