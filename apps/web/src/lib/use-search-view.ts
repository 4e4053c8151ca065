import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'

/**
 * A view held in the URL's query string, read by `parse` and written by `write` over the current
 * params (so what else the URL holds, such as the range, stays), each change a history entry.
 * `parse` and `write` are module-level functions; `key` is the query string, to key forms by.
 */
export function useSearchView<V>(
  parse: (params: URLSearchParams) => V,
  write: (params: URLSearchParams, view: V) => URLSearchParams,
): { view: V; setView: (next: V) => void; key: string } {
  const [params, setParams] = useSearchParams()
  const key = params.toString()
  // Rebuilt only when the query string changes, so it is stable as a query key input.
  const view = useMemo(() => parse(new URLSearchParams(key)), [parse, key])
  const setView = useCallback(
    (next: V) => setParams((current) => write(current, next)),
    [setParams, write],
  )
  return { view, setView, key }
}
