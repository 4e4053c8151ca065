import type { ReactNode, Ref } from 'react'

interface ImportResultStepProps {
  /** Whether the commit wrote anything: the heading says "Imported" or "Nothing new to import". */
  wrote: boolean
  /** What it wrote, in a sentence, said to screen readers as it appears. */
  done: string
  /** What it wrote, item by item, as a list. */
  children?: ReactNode
  /** The way back to the area the import belongs to. */
  back: ReactNode
  headingRef: Ref<HTMLHeadingElement>
  onAnother: () => void
}

/** The wizard's last step: what a commit wrote, and Import another file. */
export function ImportResultStep(props: ImportResultStepProps) {
  const { wrote, done, children, back, headingRef, onAnother } = props
  return (
    <section className="panel import-step" aria-labelledby="import-result-title">
      <h2 id="import-result-title" ref={headingRef} tabIndex={-1}>
        {wrote ? 'Imported' : 'Nothing new to import'}
      </h2>
      <p role="status" className="import-done">
        {done}
      </p>
      {children}
      <div className="form-actions">
        <button type="button" className="button" onClick={onAnother}>
          Import another file
        </button>
        {back}
      </div>
    </section>
  )
}
