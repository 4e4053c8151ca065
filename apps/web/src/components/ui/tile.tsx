import { type ReactNode, useId } from 'react'
import { InfoTip } from './info-tip.tsx'

interface TileProps {
  title: string
  /** How the tile's figures are computed: usually a `HowComputed`. */
  how: ReactNode
  /** Small text beside the title: the period or the as-of date. */
  meta?: ReactNode
  children: ReactNode
}

/** A dashboard card: a titled region with its definitions one focus or hover away. */
export function Tile({ title, how, meta, children }: TileProps) {
  const id = useId()
  return (
    <section className="tile" aria-labelledby={id}>
      <header className="tile-head">
        <h2 id={id}>{title}</h2>
        <InfoTip label={`How ${title.toLowerCase()} figures are computed`} text={how} />
        {meta ? <span className="tile-meta">{meta}</span> : null}
      </header>
      {children}
    </section>
  )
}
