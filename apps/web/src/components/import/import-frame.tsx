import type { ReactNode, Ref } from 'react'
import './import.css'

interface ImportFrameProps {
  /** The document's title, e.g. "Import · Projects · opsdeck". */
  title: string
  heading: string
  /** The link back to the area the import belongs to. */
  back: ReactNode
  /** The page's heading, focused when the wizard starts again. */
  headingRef: Ref<HTMLHeadingElement>
  children: ReactNode
}

/** An import wizard's page: its heading and what it does, then the steps. */
export function ImportFrame({ title, heading, back, headingRef, children }: ImportFrameProps) {
  return (
    <div className="page import-page">
      <title>{title}</title>
      <header className="page-head">
        <div>
          <p className="import-back">{back}</p>
          <h1 ref={headingRef} tabIndex={-1}>
            {heading}
          </h1>
          <p className="muted">
            Upload a CSV, see every row checked, then import all of it or nothing.
          </p>
        </div>
      </header>
      {children}
    </div>
  )
}
