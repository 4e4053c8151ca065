import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { parseRange, type RangeSpec, withRange } from './range.ts'

/** The global time range from the URL, and a setter that pushes a new history entry. */
export function useRange(): [RangeSpec, (next: RangeSpec) => void] {
  const [params, setParams] = useSearchParams()
  const key = params.toString()
  // Rebuilt only when the query string changes, so it is stable as a query key input.
  const range = useMemo(() => parseRange(new URLSearchParams(key)), [key])
  const setRange = useCallback(
    (next: RangeSpec) => setParams((current) => withRange(current, next)),
    [setParams],
  )
  return [range, setRange]
}
