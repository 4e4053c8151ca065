import type { HTMLAttributes } from 'react'

/** A heading at a level given by the page: the report's title is h1 on its own page, h2 below one. */
export function Heading({ level, ...props }: { level: number } & HTMLAttributes<HTMLElement>) {
  const Tag = `h${Math.min(6, Math.max(1, level))}` as 'h2'
  return <Tag {...props} />
}
