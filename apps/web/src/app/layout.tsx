import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { RangePicker } from './range-picker.tsx'

export const SECTIONS = [
  { path: '/', label: 'Overview' },
  { path: '/services', label: 'Services' },
  { path: '/incidents', label: 'Incidents' },
  { path: '/projects', label: 'Projects' },
  { path: '/capacity', label: 'Capacity' },
  { path: '/reports', label: 'Reports' },
] as const

/** The app shell: header, section nav and the global time range; pages render in <main>. */
export function Layout() {
  // Links carry the query string so the range (and any filters) survive moving between sections.
  const { search } = useLocation()
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link className="brand" to={{ pathname: '/', search }}>
          <svg viewBox="0 0 16 16" width="20" height="20" aria-hidden="true">
            <rect width="16" height="16" rx="3" fill="var(--accent)" />
            <path d="M3 11h2V7H3zm4 0h2V4H7zm4 0h2V8h-2z" fill="var(--accent-contrast)" />
          </svg>
          opsdeck
        </Link>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.path}>
                <NavLink to={{ pathname: s.path, search }} end={s.path === '/'}>
                  {s.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <RangePicker />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
