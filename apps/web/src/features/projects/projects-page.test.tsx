import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { peopleListFixture } from '../../testing/incidents-fixture.ts'
import { portfolioFixture, suppliersFixture } from '../../testing/portfolio-fixture.ts'
import {
  renderApp,
  requestedUrls,
  requests,
  stubApi,
  type Reply,
} from '../../testing/render-app.tsx'

type Role = Parameters<typeof signedIn>[0]

const stubPage = (
  role: Role,
  portfolio: Reply | Reply[] = { body: portfolioFixture() },
  more: Record<string, Reply | Reply[]> = {},
) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /portfolio': portfolio,
    'GET /suppliers': { body: suppliersFixture() },
    ...more,
  })

const table = () => screen.findByRole('table', { name: /^Portfolio, sorted by/ })
const projectOrder = async () =>
  within(await table())
    .getAllByRole('rowheader')
    .map((r) => r.textContent)
const rowOf = (name: RegExp) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('Projects page', { timeout: 20_000 }, () => {
  test('each project’s figures and RAG with its reason, n/a for what cannot be computed, and the totals', async () => {
    stubPage('viewer')
    renderApp('/projects?range=30d')
    expect(await projectOrder()).toEqual([
      'PRJ-0015 Network Refresh – Civic Centre & Depots',
      'PRJ-0018 Citizen Portal Replatform',
      'PRJ-0021 Finance ERP Upgrade (Dynamics 365)',
      'PRJ-0031 Wi-Fi 6 Upgrade – Libraries',
      'PRJ-0033 Print Fleet Renewal',
      expect.stringMatching(/^Portfolio/),
    ])
    expect(screen.getByText(/as of 27 Nov 2026/)).toBeInTheDocument()
    // Status, owner, BAC, AC, % spent, % complete, CPI, SPI, EAC, VAC, RAG, forecast finish
    expect(cells(rowOf(/Network Refresh/))).toEqual([
      'Active',
      'Andrew Campbell',
      '£1.9m',
      '£925k',
      '50%',
      '40%',
      '0.80',
      '0.93',
      '£2.3m',
      '-£462.5k',
      'Red CPI 0.80 < 0.85 ⚠ 3 over 110%, 2 on leaveCapacity risk: 3 of 5 people booked over 110% in weeks 51–52; 2 of 5 on leave half the week or more in week 52',
      '10 Sept 2027 late, due to end 31 Jul 2027',
    ])
    // The capacity risk: an icon and a few words beside the RAG (hidden from screen readers,
    // which hear the sentence instead), the sentence as the tooltip.
    const risk = within(rowOf(/Network Refresh/)).getByTitle(
      'Capacity risk: 3 of 5 people booked over 110% in weeks 51–52; 2 of 5 on leave half the week or more in week 52',
    )
    expect(within(risk).getByText(/3 over 110%, 2 on leave/)).toHaveAttribute('aria-hidden', 'true')
    expect(within(risk).getByText(/^Capacity risk: 3 of 5 people/)).toHaveClass('visually-hidden')
    expect(within(rowOf(/Citizen Portal/)).queryByText(/Capacity risk/)).not.toBeInTheDocument()
    expect(cells(rowOf(/Finance ERP/)).slice(0, 2)).toEqual(['On hold', 'Peter Nowak'])
    expect(cells(rowOf(/Finance ERP/))[10]).toBe('Red SPI 0.78 < 0.85')
    expect(cells(rowOf(/Wi-Fi 6/))[10]).toBe('Amber SPI 0.89 < 0.95')
    expect(cells(rowOf(/Citizen Portal/))[10]).toBe('Green CPI 1.03, SPI 1.01 within thresholds')
    expect(cells(rowOf(/Citizen Portal/))[11]).toBe('20 Jun 2027')
    // Nothing spent or recorded: the indices and forecasts are n/a, never NaN or Infinity.
    expect(cells(rowOf(/Print Fleet/))).toEqual([
      'Active',
      'none',
      '£210k',
      '£0',
      '0%',
      'n/a',
      'n/a',
      'n/a',
      'n/a',
      'n/a',
      'Not rated not enough data',
      'n/a',
    ])
    // The roll-up is the API's (indices from the sums, not a mean of the rows' CPIs).
    expect(cells(rowOf(/^Portfolio/))).toEqual([
      '5 projects',
      '£4.1m',
      '£2m',
      '48%',
      'not totalled',
      '0.88',
      '0.88',
      '£4.7m',
      '-£604.3k',
      'not totalled',
      'not totalled',
    ])
    expect(
      screen.getByRole('button', { name: 'How the portfolio row is computed' }),
    ).toHaveAccessibleDescription(/Portfolio roll-up: .*recomputed from those sums, never averaged/)
    // The figures above the table, each with its definition.
    const stat = (name: string) => screen.getByRole('group', { name })
    expect(stat('EAC')).toHaveTextContent('£4.7m')
    expect(stat('VAC')).toHaveTextContent('-£604.3kforecast overrun')
    expect(stat('CPI')).toHaveTextContent('0.88')
    expect(screen.getByRole('list', { name: 'Projects by RAG status' })).toHaveTextContent(
      'Red 2Amber 1Green 1Not rated 1',
    )
    // Each project's link keeps the page's query string; the export is a plain download link.
    expect(screen.getByRole('link', { name: /PRJ-0018 Citizen Portal/ })).toHaveAttribute(
      'href',
      '/projects/PRJ-0018?range=30d',
    )
    expect(screen.getByRole('link', { name: 'Export actuals CSV' })).toHaveAttribute(
      'href',
      '/api/v1/projects/exports/actuals.csv',
    )
    // The charts say what they show in words.
    expect(
      screen.getByRole('img', { name: /^Budget \(BAC\) and estimate at completion/ }),
    ).toHaveAccessibleName(expect.stringContaining('PRJ-0033 budget £210k, EAC n/a'))
    expect(
      await screen.findByRole('img', { name: /^Spend by supplier, largest first/ }),
    ).toHaveAccessibleName(expect.stringContaining('Other (4 suppliers) £10k (10.0%)'))
    // A viewer reads; adding and importing are for managers.
    expect(screen.queryByRole('button', { name: 'New project' })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Import CSV' })).not.toBeInTheDocument()
  })

  test('sorting by CPI with the keyboard: worst first, n/a last either way, into the URL', async () => {
    stubPage('viewer')
    const { router, user } = renderApp('/projects?range=30d')
    await table()
    const cpi = screen.getByRole('button', { name: 'CPI' })
    cpi.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.search).toBe('?range=30d&sort=cpi&order=asc'))
    expect(screen.getByRole('columnheader', { name: 'CPI' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    const codes = async () => (await projectOrder()).map((t) => t?.slice(0, 8))
    expect(await codes()).toEqual([
      'PRJ-0015',
      'PRJ-0021',
      'PRJ-0031',
      'PRJ-0018',
      'PRJ-0033',
      'Portfoli',
    ])
    await user.keyboard(' ')
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: 'CPI' })).toHaveAttribute(
        'aria-sort',
        'descending',
      ),
    )
    expect(router.state.location.search).toBe('?range=30d&sort=cpi&order=desc')
    expect(await codes()).toEqual([
      'PRJ-0018',
      'PRJ-0031',
      'PRJ-0021',
      'PRJ-0015',
      'PRJ-0033',
      'Portfoli',
    ])
    expect(screen.getByRole('columnheader', { name: 'Project' })).not.toHaveAttribute('aria-sort')
  })

  test('the status filter goes into the URL and the request, keeping the range', async () => {
    const closed = portfolioFixture({ statuses: ['closed'], projects: [] })
    const fetch = stubPage('viewer', (req) =>
      req.url.searchParams.get('status') === 'closed'
        ? { body: closed }
        : { body: portfolioFixture() },
    )
    const { router, user } = renderApp('/projects?range=7d')
    await table()
    const status = () => screen.getByRole('combobox', { name: 'Status' })
    expect(status()).toHaveDisplayValue('Live (active and on hold)')
    await user.selectOptions(status(), 'All')
    await waitFor(() => expect(router.state.location.search).toBe('?range=7d&status=all'))
    await waitFor(() =>
      expect(requestedUrls(fetch, '/portfolio').at(-1)?.searchParams.get('status')).toBe(
        'proposed,active,on_hold,closed,cancelled',
      ),
    )
    await user.selectOptions(status(), 'Closed')
    expect(await screen.findByText('No projects of this status')).toBeInTheDocument()
    expect(router.state.location.search).toBe('?range=7d&status=closed')
    // Live is the API's default: no status sent.
    expect(requestedUrls(fetch, '/portfolio')[0]?.searchParams.has('status')).toBe(false)
  })

  test('a custom range asks for the portfolio as of its last day', async () => {
    const fetch = stubPage('viewer')
    renderApp('/projects?from=2026-01-01&to=2026-03-31')
    await table()
    const url = requestedUrls(fetch, '/portfolio')[0]
    expect(url?.searchParams.get('asOf')).toBe('2026-03-31')
    const suppliers = await waitFor(() => {
      const u = requestedUrls(fetch, '/suppliers')[0]
      if (!u) throw new Error('no supplier request yet')
      return u
    })
    expect(suppliers.searchParams.toString()).toBe('from=2026-01-01&to=2026-03-31')
  })

  test('a manager adds a project; a refusal shows the API’s problems beside the fields', async () => {
    const fetch = stubPage('manager', undefined, {
      'GET /people': { body: peopleListFixture() },
      'POST /projects': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Invalid request',
            details: [
              { path: 'json.code', message: 'must be capitals, digits, - and _' },
              { path: 'json.lines.0.amountPence', message: 'is too large' },
            ],
          },
        },
      },
    })
    const { user } = renderApp('/projects?range=30d')
    await table()
    expect(screen.getByRole('link', { name: 'Import CSV' })).toHaveAttribute(
      'href',
      '/projects/import?range=30d',
    )
    await user.click(screen.getByRole('button', { name: 'New project' }))
    const form = screen.getByRole('form', { name: 'New project' })
    const field = (label: string) => within(form).getByLabelText(label)
    await user.type(field('Code'), 'prj 40')
    await user.type(field('Name'), 'Backup Replacement')
    await user.selectOptions(await within(form).findByLabelText('Owner'), 'Katherine Johnson')
    await user.type(field('Start date'), '2027-01-01')
    await user.type(field('End date'), '2027-12-31')
    const line = within(within(form).getByRole('group', { name: 'Budget line 1' }))
    await user.type(line.getByLabelText('Line'), 'Backup appliances')
    await user.selectOptions(line.getByLabelText('Category'), 'Hardware')
    await user.type(line.getByLabelText('Amount (£)'), '£12,500.50')
    await user.click(within(form).getByRole('button', { name: 'Add project' }))

    await waitFor(() => expect(field('Code')).toHaveAccessibleDescription(/Must be capitals/))
    expect(field('Code')).toHaveFocus()
    expect(line.getByLabelText('Amount (£)')).toHaveAccessibleDescription('Is too large')
    const post = requests(fetch).find((r) => r.method === 'POST')
    expect(post?.body).toEqual({
      code: 'prj 40',
      name: 'Backup Replacement',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      status: 'active',
      ownerPersonId: 12,
      lines: [
        {
          name: 'Backup appliances',
          category: 'hardware',
          spendType: 'capex',
          amountPence: 1_250_050,
        },
      ],
    })
  })

  test('no projects yet: managers are pointed to add or import', async () => {
    stubPage('manager', { body: portfolioFixture({ projects: [] }) })
    renderApp('/projects')
    expect(await screen.findByText('No projects yet')).toBeInTheDocument()
    expect(screen.getByText(/Add a project with New project, or import/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  test('a failure says so and retries', async () => {
    stubPage('viewer', [
      {
        status: 503,
        body: { error: { code: 'database_unavailable', message: 'The database is unavailable' } },
      },
      { body: portfolioFixture() },
    ])
    const { user } = renderApp('/projects')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the portfolio')
    expect(alert).toHaveTextContent('The database is unavailable')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await table()).toBeInTheDocument()
  })
})
