import { NavLink } from 'react-router'

const PAGES = [
  { path: '/reports', label: 'Report' },
  { path: '/reports/snapshots', label: 'Archive' },
  { path: '/reports/schedules', label: 'Schedules' },
] as const

/** The reports area's own navigation: the live report, the frozen ones, and the schedules. */
export function ReportsNav() {
  return (
    <nav aria-label="Reports sections" className="subnav">
      <ul>
        {PAGES.map((p) => (
          <li key={p.path}>
            <NavLink to={p.path} end>
              {p.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
