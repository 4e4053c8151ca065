interface LoadMoreProps {
  /** How many rows are shown. */
  shown: number
  /** What a row is called, one and several: ['incident', 'incidents']. */
  noun: readonly [one: string, several: string]
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown }
}

/** Under a paged list: how many rows are shown ("all of them" after the last page), Load more. */
export function LoadMore({ shown, noun, query }: LoadMoreProps) {
  return (
    <div className="load-more">
      <span className="muted small" role="status">
        {shown} {shown === 1 ? noun[0] : noun[1]} shown
        {query.hasNextPage ? '' : ', all of them'}
      </span>
      {query.hasNextPage ? (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  )
}
