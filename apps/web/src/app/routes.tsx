import type { RouteObject } from 'react-router'
import { OverviewPage } from '../features/overview/overview-page.tsx'
import { Layout } from './layout.tsx'
import { ComingSoon, NotFound, RouteError } from './pages.tsx'

const soon = (title: string, about: string) => ({
  element: <ComingSoon title={title} about={about} />,
})

// One route table for the browser router (main.tsx) and the memory router in tests.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      {
        path: 'services',
        ...soon('Services', 'Each service’s uptime, SLO attainment, error budget and latency.'),
      },
      {
        path: 'incidents',
        ...soon('Incidents', 'The incident list, timelines, SLA breaches and follow-ups.'),
      },
      {
        path: 'projects',
        ...soon('Projects', 'Earned value per project: CPI, SPI, EAC and the reason for each RAG.'),
      },
      {
        path: 'capacity',
        ...soon('Capacity', 'Allocation per person and week, time off, and the run/change split.'),
      },
      {
        path: 'reports',
        ...soon('Reports', 'Monthly stakeholder packs with deltas against the previous period.'),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]
