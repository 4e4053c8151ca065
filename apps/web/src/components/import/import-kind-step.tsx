import { type ImportKindSpec, templateHref } from './import-files.ts'

interface ImportKindStepProps<K extends string> {
  kinds: Record<K, ImportKindSpec>
  kind: K
  onChange: (kind: K) => void
}

/** Step 1: which kind of file, with the columns and formats it needs, a template and any export. */
export function ImportKindStep<K extends string>({
  kinds,
  kind,
  onChange,
}: ImportKindStepProps<K>) {
  const spec = kinds[kind]
  return (
    <section className="panel import-step" aria-labelledby="import-kind-title">
      <h2 id="import-kind-title">1. What to import</h2>
      <fieldset className="field import-kinds">
        <legend className="visually-hidden">What the file holds</legend>
        {(Object.keys(kinds) as K[]).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name="import-kind"
              value={k}
              checked={kind === k}
              onChange={() => onChange(k)}
            />
            {kinds[k].label}
          </label>
        ))}
      </fieldset>
      <p>{spec.about}</p>
      <div className="table-scroll">
        <table className="data import-columns">
          <caption className="visually-hidden">
            The columns of a file of {spec.label.toLowerCase()}
          </caption>
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
        <a href={templateHref(spec)} download={spec.fileName}>
          Download a template ({spec.fileName})
        </a>
        {spec.exportHref ? (
          <>
            {' '}
            · <a href={spec.exportHref}>Export what is stored</a>
          </>
        ) : null}
      </p>
    </section>
  )
}
