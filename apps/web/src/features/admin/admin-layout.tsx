import { NavLink, Outlet } from 'react-router'

const SECTIONS = [
  { path: '/admin/users', label: 'Users' },
  { path: '/admin/tokens', label: 'API tokens' },
  { path: '/admin/audit', label: 'Audit log' },
  { path: '/admin/settings', label: 'Settings' },
] as const

/** The admin area: its own sub-navigation, then the page. */
export function AdminLayout() {
  return (
    <div className="page admin">
      <header className="page-head">
        <h1>Admin</h1>
      </header>
      <nav aria-label="Admin sections" className="subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.path}>
              <NavLink to={s.path}>{s.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  )
}
