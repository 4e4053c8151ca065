import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { Can } from '../features/auth/can.tsx'
import { UserMenu } from '../features/auth/user-menu.tsx'
import { RangePicker } from './range-picker.tsx'

export const SECTIONS = [
  { path: '/', label: 'Overview' },
  { path: '/services', label: 'Services' },
  { path: '/incidents', label: 'Incidents' },
  { path: '/projects', label: 'Projects' },
  { path: '/capacity', label: 'Capacity' },
  { path: '/reports', label: 'Reports' },
] as const

// Pages that have no time range: their own query string (audit filters, a report's period) means
// something else.
const isUnranged = (pathname: string) =>
  pathname.startsWith('/admin') || pathname === '/account' || pathname.startsWith('/reports')

/** The app shell: header, section nav and the global time range; pages render in <main>. */
export function Layout() {
  const { pathname, search } = useLocation()
  // Links carry the query string so the range (and any filters) survive moving between sections.
  const carried = isUnranged(pathname) ? '' : search
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link className="brand" to={{ pathname: '/', search: carried }}>
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
                <NavLink to={{ pathname: s.path, search: carried }} end={s.path === '/'}>
                  {s.label}
                </NavLink>
              </li>
            ))}
            <Can action="admin">
              <li className="nav-admin">
                <NavLink to="/admin">Admin</NavLink>
              </li>
            </Can>
          </ul>
        </nav>
        {isUnranged(pathname) ? null : <RangePicker />}
        <UserMenu />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
