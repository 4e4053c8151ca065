import { parseRange, type RangeSpec, withRange } from './range.ts'
import { useSearchView } from './use-search-view.ts'

/** The global time range from the URL, and a setter that pushes a new history entry. */
export function useRange(): [RangeSpec, (next: RangeSpec) => void] {
  const { view, setView } = useSearchView(parseRange, withRange)
  return [view, setView]
}
