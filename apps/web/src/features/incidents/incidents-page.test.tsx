import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import {
  emailIncident,
  incidentDetailFixture,
  incidentListFixture,
  payrollIncident,
  peopleListFixture,
  vpnIncident,
  writtenIncident,
} from '../../testing/incidents-fixture.ts'
import {
  renderApp,
  requestedUrls,
  requests,
  stubApi,
  type Reply,
} from '../../testing/render-app.tsx'
import { listFixture } from '../../testing/services-fixture.ts'

type Role = Parameters<typeof signedIn>[0]

const stubList = (role: Role, list: Reply | Reply[], more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /incidents': list,
    'GET /services': { body: listFixture() },
    ...more,
  })
const table = () => screen.findByRole('table', { name: /^Incidents, open first/ })
const rowOf = (name: RegExp) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)
const listQueries = (fetch: ReturnType<typeof stubApi>) =>
  requestedUrls(fetch, '/incidents').map((u) => u.searchParams.toString())

describe('Incidents page', { timeout: 20_000 }, () => {
  test('open first: severity, status, age, commander, services, breaches and time to target', async () => {
    stubList('viewer', { body: incidentListFixture() })
    renderApp('/incidents?range=7d')
    await table()
    const rows = within(await table())
      .getAllByRole('rowheader')
      .map((r) => r.textContent)
    expect(rows).toEqual([
      'INC-2026-0042 Payroll unreachable',
      'INC-2026-0041 Email delays',
      'INC-2026-0040 VPN drops',
    ])
    // Severity, status, age, commander, services, targets
    expect(cells(rowOf(/Payroll unreachable/))).toEqual([
      'SEV1 Critical',
      'Investigating',
      '1h open',
      'Grace Hopper',
      'Payroll (outage), Finance ERP (degraded)',
      '⚠ Acknowledge breachedResolve: 3h left',
    ])
    expect(cells(rowOf(/Email delays/))).toEqual([
      'SEV3 Minor',
      'Triggered',
      '3h open',
      'none',
      'Email (Exchange Online) (degraded)',
      '⚠ Acknowledge breachedAcknowledge: 2h 30m overdue',
    ])
    expect(cells(rowOf(/VPN drops/)).slice(2)).toEqual([
      'lasted 1h 12m',
      'Ada Lovelace',
      'VPN (outage)',
      'met',
    ])
    // Each incident's link keeps the page's query string (the range, the filters).
    expect(screen.getByRole('link', { name: 'INC-2026-0042 Payroll unreachable' })).toHaveAttribute(
      'href',
      '/incidents/INC-2026-0042?range=7d',
    )
    expect(screen.getByText('3 incidents shown, all of them')).toBeInTheDocument()
    // A viewer reads; declaring is for managers.
    expect(screen.queryByRole('button', { name: 'Declare incident' })).not.toBeInTheDocument()
  })

  test('filters apply to the URL and the request, keeping the range; no match clears', async () => {
    const fetch = stubList('manager', (req) =>
      req.url.searchParams.get('severity') === 'SEV4'
        ? { body: incidentListFixture({ incidents: [] }) }
        : { body: incidentListFixture() },
    )
    const { router, user } = renderApp('/incidents?range=30d')
    await table()
    // The form is keyed by the URL (so Back refills it): found again after each change.
    const filter = (label: string) =>
      within(screen.getByRole('form', { name: 'Filter incidents' })).getByLabelText(label)
    // Services and their teams come from the catalogue.
    expect(filter('Team')).toHaveTextContent('AnyApplicationsInfrastructure & Cloud')
    await user.selectOptions(filter('Status'), 'Open')
    await waitFor(() => expect(router.state.location.search).toBe('?range=30d&status=open'))
    await user.selectOptions(filter('Service'), 'Payroll')
    await user.selectOptions(filter('Severity'), 'SEV4 Low')
    expect(await screen.findByText('No incidents match these filters')).toBeInTheDocument()
    expect(router.state.location.search).toBe(
      '?range=30d&status=open&severity=SEV4&service=payroll',
    )
    expect(listQueries(fetch).at(-1)).toBe('status=open&severity=SEV4&service=payroll')

    await user.click(screen.getByRole('button', { name: 'Clear the filters' }))
    await table()
    expect(router.state.location.search).toBe('?range=30d')
    await user.type(screen.getByLabelText('Search'), 'vpn{Enter}')
    await waitFor(() => expect(router.state.location.search).toBe('?range=30d&q=vpn'))
    expect(listQueries(fetch).at(-1)).toBe('status=all&q=vpn')
  })

  test('a shared link opens filtered, the form showing the filters', async () => {
    const fetch = stubList('viewer', { body: incidentListFixture({ incidents: [vpnIncident()] }) })
    renderApp('/incidents?status=ended&team=applications&severity=SEV2')
    await table()
    expect(screen.getByLabelText('Status')).toHaveDisplayValue('Resolved or closed')
    expect(screen.getByLabelText('Severity')).toHaveDisplayValue('SEV2 Major')
    expect(screen.getByLabelText('Team')).toHaveValue('applications')
    expect(listQueries(fetch)[0]).toBe('status=ended&severity=SEV2&team=applications')
  })

  test('more pages load with the cursor the API gave', async () => {
    const fetch = stubList('viewer', (req) =>
      req.url.searchParams.get('cursor') === 'next-1'
        ? { body: incidentListFixture({ incidents: [vpnIncident()] }) }
        : {
            body: incidentListFixture({
              incidents: [payrollIncident(), emailIncident()],
              nextCursor: 'next-1',
            }),
          },
    )
    const { user } = renderApp('/incidents')
    await table()
    expect(screen.getByText('2 incidents shown')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('3 incidents shown, all of them')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
    expect(listQueries(fetch)).toEqual(['status=all', 'status=all&cursor=next-1'])
  })

  test('no incidents at all, and a failure that retries', async () => {
    stubList('viewer', [
      {
        status: 503,
        body: { error: { code: 'database_unavailable', message: 'The database is not answering' } },
      },
      { body: incidentListFixture({ incidents: [] }) },
    ])
    const { user } = renderApp('/incidents')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the incidents')
    expect(alert).toHaveTextContent('The database is not answering')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('No incidents recorded')).toBeInTheDocument()
  })

  test('a manager declares an incident and lands on it', async () => {
    const fetch = stubList(
      'manager',
      { body: incidentListFixture() },
      {
        'POST /incidents': {
          status: 201,
          body: writtenIncident({ ref: 'INC-2026-0043', title: 'Disk full', status: 'triggered' }),
        },
        'GET /incidents/:ref': {
          body: incidentDetailFixture({ incident: { ref: 'INC-2026-0043', title: 'Disk full' } }),
        },
        'GET /people': { body: peopleListFixture() },
      },
    )
    const { router, user } = renderApp('/incidents?range=7d')
    await table()
    await user.click(screen.getByRole('button', { name: 'Declare incident' }))
    const form = screen.getByRole('form', { name: 'Declare an incident' })
    expect(within(form).getByLabelText('Title')).toHaveFocus()
    await user.type(within(form).getByLabelText('Title'), 'Disk full')
    await user.selectOptions(within(form).getByLabelText('Severity'), 'SEV2 Major')
    const first = within(form).getByRole('group', { name: 'Affected service 1' })
    await user.selectOptions(within(first).getByLabelText('Service'), 'Payroll')
    await user.click(within(form).getByRole('button', { name: 'Add another service' }))
    const second = within(form).getByRole('group', { name: 'Affected service 2' })
    await user.selectOptions(within(second).getByLabelText('Service'), 'Email (Exchange Online)')
    await user.selectOptions(within(second).getByLabelText('Impact'), 'Degraded')
    // Commanders: the people working here (GET /people), not only those who led an incident.
    await waitFor(() =>
      expect(within(form).getByLabelText('Commander')).toHaveTextContent(
        'No commander yetAda LovelaceKatherine Johnson',
      ),
    )
    await user.selectOptions(within(form).getByLabelText('Commander'), 'Katherine Johnson')
    await user.type(within(form).getByLabelText('Summary'), 'Logs filled /var')
    await user.click(within(form).getByRole('button', { name: 'Declare incident' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/incidents/INC-2026-0043'))
    expect(router.state.location.search).toBe('?range=7d')
    const post = requests(fetch).find((r) => r.method === 'POST')
    expect(post?.body).toEqual({
      title: 'Disk full',
      severity: 'SEV2',
      services: [
        { slug: 'payroll', impact: 'outage' },
        { slug: 'email', impact: 'degraded' },
      ],
      commanderPersonId: 12,
      summary: 'Logs filled /var',
    })
  })

  test('with no incidents yet, the commander is still chosen from the people', async () => {
    const fetch = stubList(
      'manager',
      { body: incidentListFixture({ incidents: [] }) },
      { 'GET /people': { body: peopleListFixture() } },
    )
    const { user } = renderApp('/incidents')
    expect(await screen.findByText('No incidents recorded')).toBeInTheDocument()
    // Only a manager declaring needs them.
    expect(requestedUrls(fetch, '/people')).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Declare incident' }))
    const form = screen.getByRole('form', { name: 'Declare an incident' })
    await waitFor(() =>
      expect(within(form).getByLabelText('Commander')).toHaveTextContent(
        'No commander yetAda LovelaceKatherine Johnson',
      ),
    )
    expect(requestedUrls(fetch, '/people')).toHaveLength(1)
  })

  test('two people of the same name are told apart by their teams', async () => {
    const [ada, katherine] = peopleListFixture().people
    const payments = { id: 4, slug: 'payments', name: 'Payments' }
    // As the API orders them: by name, then id.
    const twins = [ada!, { ...ada!, id: 21, email: null, team: payments }, katherine!]
    stubList(
      'manager',
      { body: incidentListFixture() },
      { 'GET /people': { body: peopleListFixture({ people: twins }) } },
    )
    const { user } = renderApp('/incidents')
    await user.click(await screen.findByRole('button', { name: 'Declare incident' }))
    const form = screen.getByRole('form', { name: 'Declare an incident' })
    await waitFor(() =>
      expect(within(form).getByLabelText('Commander')).toHaveTextContent(
        'No commander yetAda Lovelace (Platform)Ada Lovelace (Payments)Katherine Johnson',
      ),
    )
  })

  test('the form says what is missing, then puts the API’s refusal beside its field', async () => {
    const fetch = stubList(
      'manager',
      { body: incidentListFixture() },
      {
        'POST /incidents': {
          status: 422,
          body: {
            error: {
              code: 'service_archived',
              message: 'Archived, so not affected by a new incident: payroll',
              details: [{ path: 'json.services.0.slug', message: 'is archived' }],
            },
          },
        },
      },
    )
    const { user } = renderApp('/incidents')
    await table()
    await user.click(screen.getByRole('button', { name: 'Declare incident' }))
    const form = screen.getByRole('form', { name: 'Declare an incident' })
    await user.click(within(form).getByRole('button', { name: 'Declare incident' }))
    expect(within(form).getByLabelText('Title')).toHaveAccessibleDescription('Enter a title')
    expect(within(form).getByLabelText('Title')).toHaveFocus()
    expect(within(form).getByText('Choose at least one affected service')).toBeInTheDocument()
    expect(requests(fetch).some((r) => r.method === 'POST')).toBe(false)

    await user.type(within(form).getByLabelText('Title'), 'Payroll down')
    await user.selectOptions(within(form).getByLabelText('Service'), 'Payroll')
    await user.click(within(form).getByRole('button', { name: 'Declare incident' }))
    await waitFor(() =>
      expect(within(form).getByLabelText('Service')).toHaveAccessibleDescription('Is archived'),
    )

    // Cancel (or Escape) closes the form and gives focus back to the button that opened it.
    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('form', { name: 'Declare an incident' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Declare incident' })).toHaveFocus()
  })
})
