import { Navigate, type RouteObject } from 'react-router'
import { Can } from '../features/auth/can.tsx'
import { LoginPage } from '../features/auth/login-page.tsx'
import { can } from '../features/auth/permissions.ts'
import { useMe } from '../features/auth/queries.ts'
import { RequireAuth } from '../features/auth/require-auth.tsx'
import { OverviewPage } from './overview/overview-page.tsx'
import { Layout } from './layout.tsx'
import { lazyPage } from './lazy-page.tsx'
import { NoAccess, NotFound, RouteError } from './pages.tsx'

// Every page but the Overview and sign-in is fetched when first opened: the charts, editors and
// report views stay out of the first load (budget: apps/web/scripts/check-bundle.ts).
const AdminLayout = lazyPage(() =>
  import('../features/admin/admin-layout.tsx').then((m) => m.AdminLayout),
)
const AuditPage = lazyPage(() =>
  import('../features/admin/audit-page.tsx').then((m) => m.AuditPage),
)
const TokensPage = lazyPage(() =>
  import('../features/admin/tokens-page.tsx').then((m) => m.TokensPage),
)
const UsersPage = lazyPage(() =>
  import('../features/admin/users-page.tsx').then((m) => m.UsersPage),
)
const AccountPage = lazyPage(() =>
  import('../features/auth/account-page.tsx').then((m) => m.AccountPage),
)
const CapacityPage = lazyPage(() =>
  import('../features/capacity/capacity-page.tsx').then((m) => m.CapacityPage),
)
const CapacityImportPage = lazyPage(() =>
  import('../features/capacity/import-page.tsx').then((m) => m.CapacityImportPage),
)
const PeoplePage = lazyPage(() =>
  import('../features/capacity/people-page.tsx').then((m) => m.PeoplePage),
)
const PersonPage = lazyPage(() =>
  import('../features/capacity/person-page.tsx').then((m) => m.PersonPage),
)
const TeamsCalendarPage = lazyPage(() =>
  import('../features/capacity/teams-calendar-page.tsx').then((m) => m.TeamsCalendarPage),
)
const AnalyticsPage = lazyPage(() =>
  import('../features/incidents/analytics-page.tsx').then((m) => m.AnalyticsPage),
)
const IncidentPage = lazyPage(() =>
  import('../features/incidents/incident-page.tsx').then((m) => m.IncidentPage),
)
const IncidentsPage = lazyPage(() =>
  import('../features/incidents/incidents-page.tsx').then((m) => m.IncidentsPage),
)
const ImportPage = lazyPage(() =>
  import('../features/projects/import-page.tsx').then((m) => m.ImportPage),
)
const ProjectPage = lazyPage(() =>
  import('../features/projects/project-page.tsx').then((m) => m.ProjectPage),
)
const ProjectsPage = lazyPage(() =>
  import('../features/projects/projects-page.tsx').then((m) => m.ProjectsPage),
)
const ArchivePage = lazyPage(() =>
  import('../features/reports/archive-page.tsx').then((m) => m.ArchivePage),
)
const ComparePage = lazyPage(() =>
  import('../features/reports/compare-page.tsx').then((m) => m.ComparePage),
)
const ReportsPage = lazyPage(() =>
  import('../features/reports/reports-page.tsx').then((m) => m.ReportsPage),
)
const SchedulesPage = lazyPage(() =>
  import('../features/reports/schedules-page.tsx').then((m) => m.SchedulesPage),
)
const SharedPage = lazyPage(() =>
  import('../features/reports/shared-page.tsx').then((m) => m.SharedPage),
)
const SnapshotPage = lazyPage(() =>
  import('../features/reports/snapshot-page.tsx').then((m) => m.SnapshotPage),
)
const ServicePage = lazyPage(() =>
  import('../features/services/service-page.tsx').then((m) => m.ServicePage),
)
const ServicesPage = lazyPage(() =>
  import('../features/services/services-page.tsx').then((m) => m.ServicesPage),
)
const SettingsPage = lazyPage(() =>
  import('../features/settings/settings-page.tsx').then((m) => m.SettingsPage),
)

/** Fetches every page's code now (tests, so a route renders as it did before pages were split). */
export const preloadPages = () =>
  Promise.all(
    [
      AdminLayout,
      AuditPage,
      TokensPage,
      UsersPage,
      AccountPage,
      CapacityPage,
      CapacityImportPage,
      PeoplePage,
      PersonPage,
      TeamsCalendarPage,
      AnalyticsPage,
      IncidentPage,
      IncidentsPage,
      ImportPage,
      ProjectPage,
      ProjectsPage,
      ArchivePage,
      ComparePage,
      ReportsPage,
      SchedulesPage,
      SharedPage,
      SnapshotPage,
      ServicePage,
      ServicesPage,
      SettingsPage,
    ].map((page) => page.preload()),
  )

// The admin feature does not know about sessions; it is told who "you" are here.
function AdminUsers() {
  return <UsersPage currentUserId={useMe()?.id} />
}

// Managers and admins add services from the list; the API enforces it.
function ServicesRoute() {
  return <ServicesPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins change a service's check and schedule its maintenance; the API enforces it.
function ServiceRoute() {
  return <ServicePage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins declare incidents; the API enforces it.
function IncidentsRoute() {
  return <IncidentsPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins move an incident, correct its times and add notes; the API enforces it.
function IncidentRoute() {
  return <IncidentPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins add projects and import actuals; the API enforces it.
function ProjectsRoute() {
  return <ProjectsPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins edit a project, its plan, actuals and progress; the API enforces it.
function ProjectRoute() {
  return <ProjectPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins import people and allocations; the API enforces it.
function CapacityRoute() {
  return <CapacityPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins book people, record their time off and edit them; the API enforces it.
function PersonRoute() {
  return <PersonPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins add people; the API enforces it.
function PeopleRoute() {
  return <PeoplePage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins add and rename teams and set closure days; the API enforces it.
function TeamsCalendarRoute() {
  return <TeamsCalendarPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins edit the summary and freeze the report; the API enforces it.
function ReportsRoute() {
  return <ReportsPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins make and revoke a snapshot's share links; the API enforces it.
function SnapshotRoute() {
  return <SnapshotPage canManage={can(useMe()?.role, 'write')} />
}

// Managers and admins add, change and delete report schedules; the API enforces it.
function SchedulesRoute() {
  return <SchedulesPage canManage={can(useMe()?.role, 'write')} />
}

// One route table for the browser router (main.tsx) and the memory router in tests.
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  // A share link opens its one report without an account, and without the app around it.
  { path: '/shared/:token', element: <SharedPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'services', element: <ServicesRoute /> },
      { path: 'services/:slug', element: <ServiceRoute /> },
      { path: 'incidents', element: <IncidentsRoute /> },
      { path: 'incidents/analytics', element: <AnalyticsPage /> },
      { path: 'incidents/:ref', element: <IncidentRoute /> },
      { path: 'projects', element: <ProjectsRoute /> },
      {
        path: 'projects/import',
        element: (
          <Can action="write" fallback={<NoAccess who="managers and admins" />}>
            <ImportPage />
          </Can>
        ),
      },
      { path: 'projects/:code', element: <ProjectRoute /> },
      { path: 'capacity', element: <CapacityRoute /> },
      {
        path: 'capacity/import',
        element: (
          <Can action="write" fallback={<NoAccess who="managers and admins" />}>
            <CapacityImportPage />
          </Can>
        ),
      },
      { path: 'capacity/people', element: <PeopleRoute /> },
      { path: 'capacity/people/:id', element: <PersonRoute /> },
      { path: 'capacity/settings', element: <TeamsCalendarRoute /> },
      { path: 'reports', element: <ReportsRoute /> },
      { path: 'reports/snapshots', element: <ArchivePage /> },
      { path: 'reports/snapshots/:id', element: <SnapshotRoute /> },
      { path: 'reports/compare', element: <ComparePage /> },
      { path: 'reports/schedules', element: <SchedulesRoute /> },
      { path: 'account', element: <AccountPage /> },
      {
        path: 'admin',
        element: (
          <Can action="admin" fallback={<NoAccess />}>
            <AdminLayout />
          </Can>
        ),
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <AdminUsers /> },
          { path: 'tokens', element: <TokensPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]
