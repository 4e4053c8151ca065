import { Navigate, type RouteObject } from 'react-router'
import { AdminLayout } from '../features/admin/admin-layout.tsx'
import { AuditPage } from '../features/admin/audit-page.tsx'
import { TokensPage } from '../features/admin/tokens-page.tsx'
import { UsersPage } from '../features/admin/users-page.tsx'
import { AccountPage } from '../features/auth/account-page.tsx'
import { Can } from '../features/auth/can.tsx'
import { LoginPage } from '../features/auth/login-page.tsx'
import { can } from '../features/auth/permissions.ts'
import { useMe } from '../features/auth/queries.ts'
import { RequireAuth } from '../features/auth/require-auth.tsx'
import { CapacityPage } from '../features/capacity/capacity-page.tsx'
import { CapacityImportPage } from '../features/capacity/import-page.tsx'
import { PeoplePage } from '../features/capacity/people-page.tsx'
import { PersonPage } from '../features/capacity/person-page.tsx'
import { TeamsCalendarPage } from '../features/capacity/teams-calendar-page.tsx'
import { AnalyticsPage } from '../features/incidents/analytics-page.tsx'
import { IncidentPage } from '../features/incidents/incident-page.tsx'
import { IncidentsPage } from '../features/incidents/incidents-page.tsx'
import { ImportPage } from '../features/projects/import-page.tsx'
import { ProjectPage } from '../features/projects/project-page.tsx'
import { ProjectsPage } from '../features/projects/projects-page.tsx'
import { ArchivePage } from '../features/reports/archive-page.tsx'
import { ComparePage } from '../features/reports/compare-page.tsx'
import { ReportsPage } from '../features/reports/reports-page.tsx'
import { SchedulesPage } from '../features/reports/schedules-page.tsx'
import { SharedPage } from '../features/reports/shared-page.tsx'
import { SnapshotPage } from '../features/reports/snapshot-page.tsx'
import { ServicePage } from '../features/services/service-page.tsx'
import { ServicesPage } from '../features/services/services-page.tsx'
import { SettingsPage } from '../features/settings/settings-page.tsx'
import { OverviewPage } from './overview/overview-page.tsx'
import { Layout } from './layout.tsx'
import { NoAccess, NotFound, RouteError } from './pages.tsx'

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
