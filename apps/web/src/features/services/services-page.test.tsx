import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requestedUrls, stubApi, type Reply } from '../../testing/render-app.tsx'
import { businessFixture, emailItem, listFixture } from '../../testing/services-fixture.ts'

const stubList = (...replies: Reply[]) =>
  stubApi({
    'GET /auth/me': signedIn(),
    'GET /services': replies,
    'GET /business-services': { body: businessFixture() },
  })
const table = () => screen.findByRole('table', { name: /^Services, sorted by/ })
const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('Services page', { timeout: 20_000 }, () => {
  test('a row per service: status in words, figures, budget in words, the strip summarised', async () => {
    stubList({ body: listFixture() })
    renderApp('/services')
    await table()
    const payroll = rowOf('Payroll')
    // Status, tier, team, uptime 24 h / 7 d / 30 d, SLO, budget, burn rate, p95, strip
    expect(cells(payroll).slice(0, 10)).toEqual([
      'Down',
      '1',
      'Applications',
      '97.12% ▾ (below SLO)',
      '99.58% ▾ (below SLO)',
      '99.86% ▾ (below SLO)',
      '99.9%',
      'overspent by 40%',
      '×1.4',
      '1.8 s',
    ])
    expect(within(payroll).getByRole('img')).toHaveAccessibleName(
      'Payroll, last 90 days: 90 days: 59 met the SLO, 1 more than twice the allowed downtime, 30 no data; lowest 97.12% on 27 Nov 2026.',
    )
    expect(cells(rowOf('Print & Scan')).slice(0, 10)).toEqual([
      'No data',
      '3',
      'none',
      'n/a',
      'n/a',
      'n/a',
      '99%',
      '100% left',
      'n/a',
      'n/a',
    ])
    expect(cells(rowOf('Email (Exchange Online)'))[7]).toBe('24% left')

    // Business services with their roll-up rule and each component's status, linked.
    const business = screen.getByRole('table', { name: 'Business services and their roll-up' })
    expect(cells(within(business).getByRole('row', { name: /Pay staff/ }))).toEqual([
      'Down',
      'all 2 up',
      '97.22%',
      '99.57%',
      '99.85%',
      '99.9% · missed',
      'Payroll (down), Finance ERP (up)',
    ])
    expect(within(business).getByRole('link', { name: 'Finance ERP' })).toHaveAttribute(
      'href',
      '/services/finance-erp',
    )
  })

  test('headers sort by keyboard, say which way, and put the sort in the URL', async () => {
    const fetch = stubList({ body: listFixture() })
    const { router, user } = renderApp('/services?range=7d')
    const header = within(await table()).getByRole('columnheader', { name: /Uptime 30 d/ })
    expect(header).not.toHaveAttribute('aria-sort')
    expect(within(await table()).getByRole('columnheader', { name: /Status/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )

    within(header).getByRole('button').focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'))
    expect(router.state.location.search).toBe('?range=7d&sort=uptime30d&order=asc')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'))

    const asked = requestedUrls(fetch, '/services').map((u) => u.searchParams.toString())
    expect(asked).toEqual([
      'sort=status&order=asc',
      'sort=uptime30d&order=asc',
      'sort=uptime30d&order=desc',
    ])
    // Each service's link carries the view, so Back (or the link "All services") returns to it.
    expect(within(await table()).getByRole('link', { name: 'Payroll' })).toHaveAttribute(
      'href',
      '/services/payroll?range=7d&sort=uptime30d&order=desc',
    )
  })

  test('filters apply from the URL and to it; no match says so and clears', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn(),
      'GET /services': (req) =>
        req.url.searchParams.get('status') === 'down' || req.url.searchParams.has('q')
          ? { body: listFixture({ services: [] }) }
          : { body: listFixture() },
    })
    const { router, user } = renderApp('/services')
    await table()
    const filters = screen.getByRole('form', { name: 'Filter services' })
    expect(within(filters).getByLabelText('Team')).toHaveTextContent(
      'AnyApplicationsInfrastructure & Cloud',
    )
    await user.selectOptions(within(filters).getByLabelText('Status'), 'Down')
    expect(await screen.findByText('No services match these filters')).toBeInTheDocument()
    expect(router.state.location.search).toBe('?status=down')
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }))
    await table()
    expect(router.state.location.search).toBe('')

    await user.type(screen.getByLabelText('Search'), 'pay{Enter}')
    await screen.findByText('No services match these filters')
    expect(router.state.location.search).toBe('?q=pay')
    const last = requestedUrls(fetch, '/services').at(-1)
    expect(last?.searchParams.get('q')).toBe('pay')
  })

  test('a shared link opens filtered, the form showing the filters', async () => {
    const fetch = stubList({ body: listFixture({ services: [emailItem()] }) })
    renderApp('/services?tier=1&team=infrastructure-cloud')
    await table()
    expect(screen.getByLabelText('Tier')).toHaveDisplayValue('Tier 1')
    expect(screen.getByLabelText('Team')).toHaveValue('infrastructure-cloud')
    expect(requestedUrls(fetch, '/services')[0]?.searchParams.toString()).toBe(
      'sort=status&order=asc&tier=1&team=infrastructure-cloud',
    )
  })

  test('no services at all: says how to add them', async () => {
    stubList({ body: listFixture({ services: [] }) })
    renderApp('/services')
    expect(await screen.findByText('No services yet')).toBeInTheDocument()
  })

  test('a failure says what went wrong and retries', async () => {
    stubList(
      {
        status: 503,
        body: { error: { code: 'database_unavailable', message: 'The database is not answering' } },
      },
      { body: listFixture() },
    )
    const { user } = renderApp('/services')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the services')
    expect(alert).toHaveTextContent('The database is not answering')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await table()
  })
})
