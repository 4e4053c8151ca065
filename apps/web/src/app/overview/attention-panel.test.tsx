import { screen, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { attentionFixture, overviewFixture } from '../../testing/overview-fixture.ts'
import { renderApp, requestedUrls, stubApi, type Reply } from '../../testing/render-app.tsx'
import type { Overview } from './queries.ts'

// The "needs attention" panel on the Overview, fed by GET /overview's `attention`.
const stubOverview = (...replies: Reply[]) =>
  stubApi({ 'GET /auth/me': signedIn(), 'GET /overview': replies })

const withAttention = (attention: Overview['attention']) => ({
  body: { ...overviewFixture(), attention },
})

const panel = () => screen.findByRole('region', { name: 'Needs attention' })
const rows = (region: HTMLElement) =>
  within(
    within(region).getByRole('list', { name: 'Needs attention, most urgent first' }),
  ).getAllByRole('listitem')

describe('Needs attention', () => {
  test('lists the items in the server’s order, each with severity in words, area and reason', async () => {
    stubOverview({ body: overviewFixture() })
    renderApp('/?range=7d')
    const region = await panel()

    expect(rows(region).map((r) => r.textContent)).toEqual([
      '▲ CriticalServicesPaymentsPage alert: burning the 30-day budget 16× (1 h), 18× (5 min)',
      '▲ CriticalServicesCheckoutDown for 12 min',
      '● WarningServicesSearchError budget projected to run out on 14 Dec at the 30-day burn rate (67% of it spent)',
    ])
    expect(within(region).getByText('2 critical · 1 warning')).toBeInTheDocument()
    // The reason describes the link, so it is read with the name it belongs to.
    const checkout = within(region).getByRole('link', { name: 'Checkout' })
    expect(checkout).toHaveAccessibleDescription('Down for 12 min')
  })

  test('links keep the range being viewed and work from the keyboard', async () => {
    stubOverview({ body: overviewFixture() })
    const { user, router } = renderApp('/?from=2026-11-01&to=2026-11-30')
    const region = await panel()
    const link = within(region).getByRole('link', { name: 'Payments' })
    expect(link).toHaveAttribute('href', '/services/payments?from=2026-11-01&to=2026-11-30')

    link.focus()
    await user.keyboard('{Enter}')
    expect(router.state.location.pathname).toBe('/services/payments')
    expect(router.state.location.search).toBe('?from=2026-11-01&to=2026-11-30')
  })

  test('an incident’s item names its area and links to the incident, keeping the range', async () => {
    stubOverview(
      withAttention([
        ...attentionFixture(),
        {
          area: 'incidents',
          severity: 'warning',
          title: 'INC-2026-0042: Card payments failing',
          reason: 'Follow-up “Add a payments runbook” overdue, due 30 Nov',
          href: '/incidents/INC-2026-0042',
          since: '2026-12-01T00:00:00.000Z',
        },
      ]),
    )
    renderApp('/?range=7d')
    const region = await panel()
    expect(rows(region).at(-1)).toHaveTextContent(
      '● WarningIncidentsINC-2026-0042: Card payments failingFollow-up “Add a payments runbook” overdue, due 30 Nov',
    )
    const link = within(region).getByRole('link', { name: 'INC-2026-0042: Card payments failing' })
    expect(link).toHaveAttribute('href', '/incidents/INC-2026-0042?range=7d')
  })

  test('says so when nothing needs a decision', async () => {
    stubOverview(withAttention([]))
    renderApp('/')
    const region = await panel()
    expect(
      within(region).getByRole('heading', { name: 'Nothing needs a decision today' }),
    ).toBeInTheDocument()
    expect(within(region).queryByRole('list')).not.toBeInTheDocument()
    // The rules of all four areas, in the definition and in the empty state.
    expect(
      within(region).getByRole('button', { name: 'How needs attention figures are computed' }),
    ).toHaveAccessibleDescription(/Services: .*Incidents: .*Projects, live ones: .*Capacity: /)
    expect(region).toHaveTextContent(/No live project is red.*no one is over-booked/)
  })

  test('shows the most urgent eight, and all of them on request', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({
      ...attentionFixture()[1]!,
      title: `Service ${i + 1}`,
      href: `/services/s${i + 1}`,
    }))
    stubOverview(withAttention(many))
    const { user } = renderApp('/')
    const region = await panel()
    expect(rows(region)).toHaveLength(8)
    const more = within(region).getByRole('button', { name: 'Show all 11' })
    expect(more).toHaveAttribute('aria-expanded', 'false')

    more.focus()
    await user.keyboard('{Enter}')
    expect(rows(region)).toHaveLength(11)
    expect(rows(region).at(-1)).toHaveTextContent('Service 11')
    expect(
      within(region).getByRole('button', { name: 'Show the most urgent only' }),
    ).toHaveAttribute('aria-expanded', 'true')
  })

  test('has a placeholder while loading', async () => {
    stubOverview(() => new Promise<never>(() => {}))
    renderApp('/')
    expect(
      await screen.findByRole('region', { name: 'Needs attention (loading)' }),
    ).toBeInTheDocument()
  })

  test('on an error shows the Overview’s alert, and the list once a retry succeeds', async () => {
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
    expect(screen.queryByRole('region', { name: 'Needs attention' })).not.toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(rows(await panel())).toHaveLength(3)
    expect(requestedUrls(fetch, '/overview')).toHaveLength(2)
  })
})
