import { KPI_DEFINITIONS, type KpiId } from '@opsdeck/kpi'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { emptyMetricsFixture, metricsFixture } from '../../testing/incident-metrics-fixture.ts'
import { incidentListFixture } from '../../testing/incidents-fixture.ts'
import { renderApp, requestedUrls, stubApi, type Reply } from '../../testing/render-app.tsx'
import { listFixture } from '../../testing/services-fixture.ts'

const URL = '/incidents/analytics?from=2026-09-01&to=2026-11-30'

const stubMetrics = (...replies: Reply[]) =>
  stubApi({
    'GET /auth/me': signedIn('viewer'),
    'GET /incidents/metrics': replies,
    'GET /services': { body: listFixture() },
  })
const metricsQueries = (fetch: ReturnType<typeof stubApi>) =>
  requestedUrls(fetch, '/incidents/metrics').map((u) => u.searchParams.toString())
const region = (name: string) => screen.getByRole('region', { name })
const figure = (name: string) => screen.getByRole('group', { name })
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)
const definition = (kpi: KpiId): string =>
  expect.stringContaining(
    `${KPI_DEFINITIONS[kpi].name}: ${KPI_DEFINITIONS[kpi].formula}.`,
  ) as string

describe('Incident analytics page', { timeout: 20_000 }, () => {
  test('response times: mean, median and p90, each with its definition', async () => {
    const fetch = stubMetrics({ body: metricsFixture() })
    renderApp(URL)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Incident analytics' }),
    ).toBeInTheDocument()
    await screen.findByRole('region', { name: 'Response times' })
    expect(metricsQueries(fetch)).toEqual(['from=2026-09-01&to=2026-11-30'])

    const mtta = figure('MTTA')
    expect(within(mtta).getByText('17m')).toBeInTheDocument()
    expect(mtta).toHaveTextContent('mean · median 14m · p90 32m · over 5 acknowledged')
    expect(within(figure('MTTR')).getByText('3h 55m')).toBeInTheDocument()
    expect(figure('MTTR')).toHaveTextContent('median 3h 30m · p90 5h 52m · over 4 resolved')
    expect(within(figure('MTTD')).getByText('5m')).toBeInTheDocument()
    for (const [label, kpi] of [
      ['MTTA', 'mtta'],
      ['MTTR', 'mttr'],
      ['MTTD', 'mttd'],
      ['SLA breach rate', 'slaBreachRate'],
      ['Repeat incidents', 'repeatIncident'],
      ['Downtime caused', 'incidentDowntime'],
    ] as const) {
      expect(
        screen.getByRole('button', { name: `How ${label} is computed` }),
      ).toHaveAccessibleDescription(definition(kpi))
    }
    expect(
      screen.getByRole('button', { name: 'How the incidents by service figures are computed' }),
    ).toHaveAccessibleDescription(definition('mtbf'))
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/)
  })

  test('the breach rate with its met, breached and pending counts; summary figures', async () => {
    stubMetrics({ body: metricsFixture() })
    renderApp(URL)
    await screen.findByRole('region', { name: 'Response targets' })
    const rate = figure('SLA breach rate')
    expect(within(rate).getByText('25.0%')).toBeInTheDocument()
    expect(rate).toHaveTextContent('1 of 4 incidents with a known outcome')
    expect(within(figure('Breached')).getByText('1')).toBeInTheDocument()
    expect(within(figure('Met')).getByText('3')).toBeInTheDocument()
    expect(within(figure('Pending')).getByText('1')).toBeInTheDocument()

    const summary = region('Summary')
    expect(within(summary).getByRole('group', { name: 'Incidents' })).toHaveTextContent(
      '5SEV1 1 · SEV2 2 · SEV3 2',
    )
    expect(within(summary).getByRole('group', { name: 'Repeat incidents' })).toHaveTextContent(
      '1of 5 incidents (20.0%), within 30 days',
    )
    expect(within(summary).getByRole('group', { name: 'Downtime caused' })).toHaveTextContent(
      '2h 6m',
    )
    expect(within(summary).getByRole('group', { name: 'Open follow-ups' })).toHaveTextContent(
      '31 overdue',
    )
  })

  test('trends: each chart described in words, months in order, gaps as no data', async () => {
    stubMetrics({ body: metricsFixture() })
    renderApp(URL)
    const trends = await screen.findByRole('region', { name: 'Trends by month' })
    expect(
      within(trends)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Incidents per month', 'MTTA per month', 'MTTR per month'])
    expect(
      within(trends).getByRole('img', { name: /^Incidents started per month/ }),
    ).toHaveAccessibleName(
      'Incidents started per month, Sept 2026 to Nov 2026: Sept 2026 none; Oct 2026 2 (SEV2 1, SEV3 1); Nov 2026 3 (SEV1 1, SEV2 1, SEV3 1).',
    )
    expect(
      within(trends).getByRole('img', { name: /^Mean time to acknowledge per month/ }),
    ).toHaveAccessibleName(
      'Mean time to acknowledge per month, Sept 2026 to Nov 2026: Sept 2026 no data, Oct 2026 10m, Nov 2026 21m. SEV1: Nov 2026 4m. SEV2: Oct 2026 6m, Nov 2026 40m. SEV3: Oct 2026 14m, Nov 2026 20m.',
    )
    expect(
      within(trends).getByRole('img', { name: /^Mean time to resolve per month/ }),
    ).toBeInTheDocument()

    const months = within(trends).getByRole('table', { name: 'By month' })
    expect(
      within(months)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['Sept 2026', 'Oct 2026', 'Nov 2026'])
    expect(cells(within(months).getByRole('row', { name: /Sept 2026/ }))).toEqual([
      '0',
      'n/a',
      'n/a',
      'n/a',
    ])
    expect(cells(within(months).getByRole('row', { name: /Nov 2026/ }))).toEqual([
      '3',
      '21m',
      '5h 20m',
      '50.0%',
    ])
  })

  test('incidents by service, downtime by incident and repeats, linked', async () => {
    stubMetrics({ body: metricsFixture() })
    renderApp(URL)
    const services = await screen.findByRole('table', { name: /^Incidents by service/ })
    // Team, incidents, downtime, budget consumed, MTBF
    const payroll = within(services).getByRole('row', { name: /Payroll/ })
    expect(cells(payroll)).toEqual([
      'Applications',
      '2',
      '1h 36m',
      '221.1% (over budget)',
      '28d 21h',
    ])
    expect(within(payroll).getByRole('link', { name: 'Payroll' })).toHaveAttribute(
      'href',
      '/services/payroll?from=2026-09-01&to=2026-11-30',
    )
    expect(cells(within(services).getByRole('row', { name: /Email/ }))).toEqual([
      'Infrastructure & Cloud',
      '1',
      '30m',
      'n/a',
      '86d 16h',
    ])

    const downtime = screen.getByRole('table', { name: /^Incidents by the downtime they caused/ })
    expect(
      within(downtime)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual([
      'INC-2026-0042 Payroll unreachable',
      'INC-2026-0038 Payroll slow logins',
      'INC-2026-0041 Email delays',
    ])
    expect(cells(within(downtime).getByRole('row', { name: /Payroll slow logins/ }))).toEqual([
      'SEV2 Major',
      '36m (from hourly data)',
      'Payroll 36m (82.2% of its budget)',
    ])

    const repeats = screen.getByRole('table', { name: /^Repeat incidents/ })
    expect(
      within(repeats).getByRole('link', { name: 'INC-2026-0042 Payroll unreachable' }),
    ).toHaveAttribute('href', '/incidents/INC-2026-0042?from=2026-09-01&to=2026-11-30')
    expect(cells(within(repeats).getByRole('row', { name: /Payroll unreachable/ }))).toEqual([
      'SEV1 Critical',
      expect.any(String),
      'Payroll, Finance ERP',
    ])
  })

  test('filters apply from the URL and to it, and are sent to the API', async () => {
    const fetch = stubMetrics({ body: metricsFixture() })
    const { router, user } = renderApp(`${URL}&team=applications`)
    await screen.findByRole('region', { name: 'Response times' })
    const filters = screen.getByRole('form', { name: 'Filter incident analytics' })
    expect(within(filters).getByLabelText('Team')).toHaveValue('applications')
    await waitFor(() =>
      expect(within(filters).getByLabelText('Service')).toHaveTextContent(/Payroll/),
    )
    await user.selectOptions(within(filters).getByLabelText('Severity'), 'SEV1 Critical')
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?from=2026-09-01&to=2026-11-30&severity=SEV1&team=applications',
      ),
    )
    await waitFor(() =>
      expect(metricsQueries(fetch)).toEqual([
        'from=2026-09-01&to=2026-11-30&team=applications',
        'from=2026-09-01&to=2026-11-30&severity=SEV1&team=applications',
      ]),
    )
    // The list link keeps the range and the filters.
    expect(screen.getByRole('link', { name: 'All incidents' })).toHaveAttribute(
      'href',
      '/incidents?from=2026-09-01&to=2026-11-30&severity=SEV1&team=applications',
    )
    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-09-01&to=2026-11-30'))
  })

  test('the list links to the analytics with its range and filters', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /incidents': { body: incidentListFixture() },
      'GET /incidents/metrics': { body: metricsFixture() },
      'GET /services': { body: listFixture() },
    })
    const { router, user } = renderApp('/incidents?range=90d&severity=SEV2')
    await user.click(await screen.findByRole('link', { name: 'Analytics' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Incident analytics' }),
    ).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/incidents/analytics')
    await waitFor(() => expect(metricsQueries(fetch)).toHaveLength(1))
    const asked = requestedUrls(fetch, '/incidents/metrics')[0]!.searchParams
    expect(asked.get('severity')).toBe('SEV2')
    expect(asked.has('from')).toBe(true)
  })

  test('an empty range says so, with no figure, chart or NaN', async () => {
    stubMetrics({ body: emptyMetricsFixture() })
    renderApp('/incidents/analytics?range=7d')
    expect(
      await screen.findByRole('heading', { name: 'No incidents started in this range' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Response times' })).not.toBeInTheDocument()
    expect(screen.queryByRole('img')).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'every incident' })).toHaveAttribute(
      'href',
      '/incidents?range=7d',
    )
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/)
  })

  test('an empty filtered range offers to clear the filters', async () => {
    stubMetrics((req) => ({
      body: req.url.searchParams.has('severity') ? emptyMetricsFixture() : metricsFixture(),
    }))
    const { router, user } = renderApp(`${URL}&severity=SEV4`)
    await screen.findByRole('heading', { name: 'No incidents started in this range' })
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }))
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-09-01&to=2026-11-30'))
    expect(await screen.findByRole('region', { name: 'Response times' })).toBeInTheDocument()
  })

  test('loading, then the API’s error with Retry', async () => {
    let answer: (reply: Reply) => void = () => undefined
    const fetch = stubMetrics(() => new Promise<Reply>((resolve) => (answer = resolve)), {
      body: metricsFixture(),
    })
    const { user } = renderApp(URL)
    expect(await screen.findByText('Loading the incident analytics…')).toBeInTheDocument()
    answer({ status: 503, body: { error: { code: 'unavailable', message: 'Database busy' } } })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the incident analytics')
    expect(alert).toHaveTextContent('Database busy')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('region', { name: 'Response times' })).toBeInTheDocument()
    expect(metricsQueries(fetch)).toHaveLength(2)
  })
})
