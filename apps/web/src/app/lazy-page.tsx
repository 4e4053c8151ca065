import { Component, type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react'
import { Loading } from '../components/ui/states.tsx'

/** A page's code that did not arrive: a dropped connection, or a deploy removed the old chunks. */
export class PageLoadError extends Error {
  override name = 'PageLoadError'
}

interface BoundaryState {
  /** What the page threw, wrapped so that a thrown null or string is still "something". */
  caught: { error: unknown } | null
}

/**
 * Catches a page whose code failed to load and offers a reload (React.lazy keeps the failed
 * import, so retrying in place cannot work). Anything else the page throws goes on to the route's
 * error element, as before pages were split out.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { caught: null }

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { caught: { error } }
  }

  override render() {
    const { caught } = this.state
    if (caught === null) return this.props.children
    // Rethrown as it came, for the route's error element to show.
    if (!(caught.error instanceof PageLoadError)) throw caught.error as Error
    // The app's error state (states.tsx), with Reload rather than Retry: only a reload helps.
    return (
      <div className="page narrow">
        <title>Page not loaded · opsdeck</title>
        <div className="state state-error" role="alert">
          <h2>This page could not be loaded</h2>
          <p>
            Its code did not arrive: the connection may have dropped, or opsdeck was updated since
            this tab was opened. Reloading fetches the current version.
          </p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    )
  }
}

export interface LazyPage<P> {
  (props: P): ReactNode
  /** Fetches the page's code ahead of its first render (tests, so a page renders as before). */
  preload: () => Promise<unknown>
}

/**
 * A page fetched when it is first opened, so the app's first load carries only the shell, the
 * Overview and sign-in (the JavaScript budget in apps/web/scripts/check-bundle.ts). Shows the
 * app's loading blocks meanwhile.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  let loaded: ComponentType<P> | undefined
  const preload = () =>
    (loading ??= load().then(
      (page) => {
        loaded = page
        return { default: page }
      },
      (cause: unknown) => {
        loading = undefined
        throw new PageLoadError('The page’s code could not be loaded', { cause })
      },
    ))
  const Lazy = lazy(preload)
  const Page = (props: P) => {
    // Code already here renders at once, as it did before pages were split. Chosen once per
    // mount: switching from Lazy to the page itself on a later render would remount the page.
    const [Ready] = useState(() => loaded)
    return (
      <PageLoadBoundary>
        <Suspense
          fallback={
            <div className="page">
              <Loading label="Loading the page…" lines={8} />
            </div>
          }
        >
          {Ready ? <Ready {...props} /> : <Lazy {...props} />}
        </Suspense>
      </PageLoadBoundary>
    )
  }
  return Object.assign(Page, { preload })
}
