import { KPI_DEFINITIONS, type KpiId } from '@opsdeck/kpi'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requestedUrls, stubApi, type Reply } from '../../testing/render-app.tsx'
import { overviewFixture } from '../../testing/overview-fixture.ts'

// A signed-in manager, and these answers to GET /overview in turn.
const stubOverview = (...replies: Reply[]) =>
  stubApi({ 'GET /auth/me': signedIn(), 'GET /overview': replies })

const tile = (name: string) => screen.getByRole('region', { name })
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('Overview page', () => {
  test('shows each area’s figures, formatted, with n/a for missing data', async () => {
    const fetch = stubOverview({ body: overviewFixture() })
    renderApp('/?range=30d')

    const services = await screen.findByRole('region', { name: 'Service health' })
    // Uptime, SLO target, meeting, breaching, no data, coverage
    expect(cells(within(services).getByRole('row', { name: /Tier 1/ }))).toEqual([
      '99.953%',
      '99.9%',
      '6',
      '0',
      '0',
      '99.9%',
    ])
    expect(cells(within(services).getByRole('row', { name: /Tier 2/ }))).toEqual([
      '99.71%',
      '99.5–99.9%',
      '7',
      '2',
      '1',
      '98.1%',
    ])
    expect(cells(within(services).getByRole('row', { name: /Tier 3/ }))).toEqual([
      'n/a',
      '99%',
      '0',
      '0',
      '8',
      'n/a',
    ])
    const statuses = within(services).getByRole('list', { name: 'Services by current status' })
    expect(
      within(statuses)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Up 19', 'Degraded 2', 'Down 1', 'Maintenance 1', 'No data 1'])

    const incidents = tile('Incidents')
    expect(within(incidents).getByText('7')).toBeInTheDocument()
    expect(within(incidents).getByText('1h 12m')).toBeInTheDocument() // MTTR mean
    expect(within(incidents).getByText('45m')).toBeInTheDocument() // MTTR median
    expect(within(incidents).getByText('3d 4h')).toBeInTheDocument() // MTTR p90
    expect(within(incidents).getByText('12m')).toBeInTheDocument() // MTTA

    const budgets = tile('Project budgets')
    for (const money of ['£2.5m', '£1.1m', '£2.6m', '-£184k']) {
      expect(within(budgets).getByText(money)).toBeInTheDocument()
    }
    expect(within(budgets).getByText('forecast overrun')).toBeInTheDocument()
    expect(
      within(within(budgets).getByRole('list', { name: 'Projects at risk' })).getAllByRole(
        'listitem',
      ),
    ).toHaveLength(5)

    const capacity = tile('Team capacity')
    expect(
      within(within(capacity).getByRole('row', { name: /Platform/ })).getByText('110%'),
    ).toBeInTheDocument()
    expect(
      within(within(capacity).getByRole('row', { name: /Data/ })).getByText('n/a'),
    ).toBeInTheDocument()
    expect(screen.queryByText(/NaN|Infinity/)).not.toBeInTheDocument()

    const [url] = requestedUrls(fetch, '/overview')
    expect(url?.pathname).toBe('/api/v1/overview')
    expect(Date.now() - Date.parse(url?.searchParams.get('from') ?? '')).toBeGreaterThan(
      29.9 * 86_400_000,
    )
  })

  test('explains how each tile is computed, in the words of KPI_DEFINITIONS', async () => {
    stubOverview({ body: overviewFixture() })
    renderApp('/')
    await screen.findByRole('region', { name: 'Service health' })
    const tip = (tile: string) =>
      within(screen.getByRole('region', { name: tile })).getByRole('button', {
        name: `How ${tile.toLowerCase()} figures are computed`,
      })
    const says = (tile: string, ...kpis: KpiId[]) => {
      for (const kpi of kpis) {
        expect(tip(tile)).toHaveAccessibleDescription(
          expect.stringContaining(`${KPI_DEFINITIONS[kpi].name}: ${KPI_DEFINITIONS[kpi].formula}.`),
        )
      }
    }
    says('Service health', 'uptime', 'coverage', 'tierSloHealth')
    says('Incidents', 'mtta', 'mttr')
    says('Project budgets', 'eac', 'vac')
    says('Team capacity', 'effectiveCapacity', 'utilization')
    expect(tip('Incidents')).toHaveAccessibleDescription(/^Open = not yet resolved, right now/)
  })

  test('shows the API’s error message and retries on request', async () => {
    const fetch = stubOverview(
      {
        status: 503,
        body: { error: { code: 'database_unavailable', message: 'The database is not answering' } },
      },
      { body: overviewFixture() },
    )
    const { user } = renderApp('/')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The database is not answering')
    expect(alert).toHaveTextContent('database_unavailable')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))

    expect(await screen.findByRole('region', { name: 'Service health' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(requestedUrls(fetch, '/overview')).toHaveLength(2)
  })

  test('a network failure reads in plain words', async () => {
    stubOverview(() => Promise.reject(new TypeError('Failed to fetch')))
    renderApp('/')
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server')
  })

  test('changing the range updates the URL and refetches', async () => {
    const fetch = stubOverview({ body: overviewFixture() })
    const { user, router } = renderApp('/?range=30d')
    await screen.findByRole('region', { name: 'Service health' })

    await user.click(screen.getByRole('button', { name: '7d' }))
    expect(router.state.location.search).toBe('?range=7d')
    expect(screen.getByRole('button', { name: '7d' })).toHaveAttribute('aria-pressed', 'true')
    await waitFor(() => expect(requestedUrls(fetch, '/overview')).toHaveLength(2))
    const from = requestedUrls(fetch, '/overview')[1]?.searchParams.get('from') ?? ''
    expect(Date.now() - Date.parse(from)).toBeLessThan(7.01 * 86_400_000)
    expect(screen.getByRole('heading', { level: 1 }).nextSibling).toHaveTextContent('Last 7 days')

    await user.click(screen.getByRole('button', { name: 'Custom' }))
    await user.type(screen.getByLabelText('From'), '2026-11-01')
    await user.type(screen.getByLabelText('To'), '2026-11-30')
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    expect(router.state.location.search).toBe('?from=2026-11-01&to=2026-11-30')
    await waitFor(() => expect(requestedUrls(fetch, '/overview')).toHaveLength(3))
    expect(requestedUrls(fetch, '/overview')[2]?.search).toBe('?from=2026-11-01&to=2026-11-30')

    // The nav keeps the range, so it survives moving between sections.
    expect(screen.getByRole('link', { name: 'Services' })).toHaveAttribute(
      'href',
      '/services?from=2026-11-01&to=2026-11-30',
    )
    expect(screen.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page')
  })

  test('a custom range the API would refuse is explained before it is sent', async () => {
    stubOverview({ body: overviewFixture() })
    const { user, router } = renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'Custom' }))
    await user.type(screen.getByLabelText('From'), '2026-12-01')
    await user.type(screen.getByLabelText('To'), '2026-11-01')
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    expect(screen.getByRole('alert')).toHaveTextContent('The start must not be after the end')
    expect(router.state.location.search).toBe('')
  })

  test('says how to add data when there is none', async () => {
    const empty = overviewFixture()
    empty.services = {
      ...empty.services,
      total: 0,
      byTier: [],
      byStatus: { up: 0, degraded: 0, down: 0, maintenance: 0, unknown: 0 },
    }
    empty.incidents = {
      ...empty.incidents,
      open: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0, total: 0 },
      startedInRange: 0,
    }
    empty.budgets = { ...empty.budgets, projects: 0, bac: 0, ac: 0, eac: 0, vac: 0 }
    empty.capacity = { ...empty.capacity, teams: [] }
    stubOverview({ body: empty })
    renderApp('/')
    expect(await screen.findByRole('heading', { name: 'Nothing to show yet' })).toBeInTheDocument()
    expect(screen.getByText(/pnpm db:seed/)).toBeInTheDocument()
  })

  test('one empty area gets its own hint while the others show figures', async () => {
    const noServices = overviewFixture()
    noServices.services = { ...noServices.services, total: 0, byTier: [] }
    stubOverview({ body: noServices })
    renderApp('/')
    const services = await screen.findByRole('region', { name: 'Service health' })
    expect(within(services).getByRole('heading', { name: 'No services yet' })).toBeInTheDocument()
    expect(within(tile('Incidents')).getByText('1h 12m')).toBeInTheDocument()
  })

  test('shows skeletons while loading', async () => {
    stubOverview(() => new Promise<never>(() => {}))
    renderApp('/')
    expect(await screen.findByText('Loading the overview…')).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Service health (loading)' })).toBeInTheDocument()
  })
})
