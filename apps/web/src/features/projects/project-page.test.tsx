import { screen, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { formatInstant } from '../../lib/format.ts'
import { signedIn } from '../../testing/fixtures.ts'
import {
  baselinesFixture,
  capacityRiskFixture,
  projectEvmFixture,
  projectRecordFixture,
  unstartedEvmFixture,
} from '../../testing/project-evm-fixture.ts'
import { renderApp, requestedUrls, stubApi, type Reply } from '../../testing/render-app.tsx'

const stubProject = (more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn('viewer'),
    'GET /projects/:code/evm': { body: projectEvmFixture() },
    'GET /projects/:code': { body: projectRecordFixture() },
    'GET /projects/:code/baselines': { body: baselinesFixture() },
    'GET /projects/:code/capacity-risk': { body: { ...capacityRiskFixture(), risk: null } },
    ...more,
  })
const heading = () => screen.findByRole('heading', { level: 1, name: 'Data Centre Exit' })
const figure = (name: string) => screen.getByRole('group', { name })
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)
const rowOf = (table: HTMLElement, name: string | RegExp) =>
  within(table).getByRole('rowheader', { name }).closest('tr')!

describe('Project page', { timeout: 20_000 }, () => {
  test('the header names the project, its people, RAG with its reason and the baseline used', async () => {
    stubProject()
    renderApp('/projects/PRJ-0009?range=90d&status=all')
    await heading()
    const facts = screen.getByRole('list', { name: 'About this project' })
    expect(facts).toHaveTextContent('Status Active')
    expect(await within(facts).findByText('Priya Shah')).toBeInTheDocument()
    expect(facts).toHaveTextContent('Sponsor Director of Finance')
    expect(facts).toHaveTextContent('Dates 1 Jan 2026 – 30 Jun 2026')
    expect(facts).toHaveTextContent('As of 31 Mar 2026')
    expect(screen.getByRole('group', { name: 'RAG status' })).toHaveTextContent(
      'Red CPI 0.80 < 0.85',
    )
    expect(
      screen.getByText(
        `Baseline v2, ${formatDateOf('2026-02-12T10:30:00.000Z')}: Re-phased after the hosting contract slipped`,
      ),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '← All projects' })).toHaveAttribute(
      'href',
      '/projects?range=90d&status=all',
    )
  })

  test('the header says the risk from capacity, how it is worked out, and links to Capacity', async () => {
    stubProject({ 'GET /projects/:code/capacity-risk': { body: capacityRiskFixture() } })
    renderApp('/projects/PRJ-0009')
    await heading()
    const risk = await screen.findByRole('group', { name: 'Capacity risk' })
    expect(risk).toHaveTextContent('Capacity risk 2 of 5 people booked over 110% in weeks 51–52.')
    expect(
      within(risk).getByRole('button', { name: 'How the capacity risk is worked out' }),
    ).toHaveAccessibleDescription(/^Project risk from capacity: for a live project/)
    expect(within(risk).getByRole('link', { name: 'See capacity' })).toHaveAttribute(
      'href',
      '/capacity',
    )
  })

  test('the figures, each with its definition, and the late forecast finish', async () => {
    stubProject()
    renderApp('/projects/PRJ-0009')
    await heading()
    expect(figure('BAC')).toHaveTextContent('£600k')
    expect(figure('AC')).toHaveTextContent('£300k50% of budget spent')
    expect(figure('EV')).toHaveTextContent('£240k40% complete on 27 Mar 2026')
    expect(figure('CPI')).toHaveTextContent('0.80over budget')
    expect(figure('SPI')).toHaveTextContent('0.80behind plan')
    expect(figure('EAC')).toHaveTextContent('£750k')
    expect(figure('VAC')).toHaveTextContent('-£150kforecast overrun')
    expect(figure('Burn rate')).toHaveTextContent('£100k/moper month since 1 Jan 2026')
    expect(figure('Runway')).toHaveTextContent('3 months')
    expect(figure('Forecast finish')).toHaveTextContent('15 Aug 2026late: planned end 30 Jun 2026')
    expect(screen.getByRole('button', { name: 'How CPI is computed' })).toHaveAccessibleDescription(
      /^Cost performance index \(CPI\): EV \/ AC\./,
    )
  })

  test('a figure that cannot be computed reads n/a, never NaN, and the charts explain why', async () => {
    stubProject({ 'GET /projects/:code/evm': { body: unstartedEvmFixture() } })
    renderApp('/projects/PRJ-0009')
    await heading()
    expect(figure('CPI')).toHaveTextContent('n/ano cost or progress yet')
    expect(figure('EAC')).toHaveTextContent('n/a')
    expect(figure('Runway')).toHaveTextContent('n/anothing being spent')
    expect(figure('Forecast finish')).toHaveTextContent('n/aplanned end')
    expect(figure('EV')).toHaveTextContent('no progress recorded yet')
    const table = screen.getByRole('table', { name: /^Earned value figures/ })
    expect(cells(rowOf(table, 'TCPI'))[0]).toBe('1.00')
    expect(cells(rowOf(table, 'EAC (combined)'))[0]).toBe('n/a')
    expect(document.body).not.toHaveTextContent(/NaN|Infinity/)
    // Linear PV is said so; no chart is drawn with nothing to draw against the plan.
    expect(screen.getByText('No baseline: PV spread evenly over the dates')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'No cost or progress recorded yet' })).toBeVisible()
    expect(screen.getByText(/the plan reaches £600k by Jun 2026/)).toBeInTheDocument()
    expect(screen.queryByRole('img', { name: /^Cumulative planned value/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('img', { name: /^Actual against planned/ })).not.toBeInTheDocument()
    // The budget by category is still worth a look: a chart of budgets against nothing spent yet.
    expect(
      screen.getByRole('img', { name: /^Budget and actual cost to date by category/ }),
    ).toBeVisible()
  })

  test('the EVM table lists every figure with its definition', async () => {
    stubProject()
    renderApp('/projects/PRJ-0009')
    await heading()
    const table = screen.getByRole('table', {
      name: 'Earned value figures as of 31 Mar 2026, with their definitions',
    })
    const labels = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent)
    expect(labels).toEqual([
      'BAC',
      'PV',
      'EV',
      'AC',
      'CV',
      'SV',
      'CPI',
      'SPI',
      'EAC (typical)',
      'EAC (atypical)',
      'EAC (combined)',
      'ETC',
      'VAC',
      'TCPI',
    ])
    expect(cells(rowOf(table, 'CV'))).toEqual([
      '-£60k',
      'Cost variance (CV): EV − AC. Negative means over budget.',
    ])
    expect(cells(rowOf(table, 'TCPI'))[0]).toBe('1.20')
    expect(cells(rowOf(table, 'EAC (atypical)'))).toEqual([
      '£660k',
      expect.stringMatching(/^EAC \(atypical\): AC \+ \(BAC − EV\)\./),
    ])
    expect(cells(rowOf(table, 'EAC (combined)'))[0]).toBe('£862.5k')
  })

  test('the RAG history lists the changes newest first with the thresholds used', async () => {
    stubProject()
    renderApp('/projects/PRJ-0009')
    await heading()
    const history = screen.getByRole('table', { name: 'RAG changes, newest first' })
    const rows = within(history).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.textContent)).toEqual([
      '12 Mar 2026RedCPI 0.80 < 0.85',
      '10 Feb 2026AmberCPI 0.90 < 0.95',
      '1 Jan 2026GreenCPI 1.00, SPI 1.00 within thresholds',
    ])
    expect(
      screen.getByText(/red when CPI < 0\.85, SPI < 0\.85 or EAC > 110% of BAC; amber when/),
    ).toBeInTheDocument()
  })

  test('a long RAG history shows the latest eight until asked for all', async () => {
    const evm = projectEvmFixture()
    // Ten changes, alternating amber and red on the 1st of each month, oldest first as sent.
    evm.ragHistory = Array.from({ length: 10 }, (_, i) => ({
      day: `2025-${String(i + 1).padStart(2, '0')}-01`,
      status: i % 2 ? 'red' : 'amber',
      reason: i % 2 ? 'CPI 0.80 < 0.85' : 'CPI 0.90 < 0.95',
    }))
    stubProject({ 'GET /projects/:code/evm': { body: evm } })
    const { user } = renderApp('/projects/PRJ-0009')
    await heading()
    const history = screen.getByRole('table', { name: 'RAG changes, newest first' })
    const days = () =>
      within(history)
        .getAllByRole('rowheader')
        .map((h) => h.textContent)
    expect(days()).toHaveLength(8)
    expect(days()[0]).toBe('1 Oct 2025')
    expect(days()[7]).toBe('1 Mar 2025')
    await user.click(screen.getByRole('button', { name: 'Show all 10 changes' }))
    expect(days()).toHaveLength(10)
    expect(days()[9]).toBe('1 Jan 2025')
    await user.click(screen.getByRole('button', { name: 'Show the latest 8' }))
    expect(days()).toHaveLength(8)
  })

  test('the baselines list who set each version, when and why', async () => {
    stubProject()
    renderApp('/projects/PRJ-0009')
    await heading()
    const table = await screen.findByRole('table', { name: 'Baseline versions, newest first' })
    expect(cells(rowOf(table, 'v2 (current)'))).toEqual([
      formatInstant('2026-02-12T10:30:00.000Z'),
      'Morgan Manager',
      'Re-phased after the hosting contract slipped',
      'Jan 2026 – Jun 2026',
      '£600k',
    ])
    expect(cells(rowOf(table, 'v1'))[1]).toBe('demo data or API')
  })

  test('the charts carry a text summary of what they draw', async () => {
    stubProject()
    renderApp('/projects/PRJ-0009')
    await heading()
    expect(
      screen.getByRole('img', {
        name: 'Cumulative planned value from Jan 2026 to Jun 2026, reaching £600k; by the original baseline £600k; at Mar 2026: planned £300k, earned £240k, actual cost £300k; forecast to reach £750k by Jun 2026.',
      }),
    ).toBeInTheDocument()
    expect(
      screen.getByRole('img', { name: /^Actual against planned spend per month/ }),
    ).toHaveAccessibleName(
      /to Mar 2026, £300k spent against £300k planned; over plan in Jan 2026\.$/,
    )
    expect(screen.getByText('PV (original baseline)')).toBeInTheDocument()
    const categories = screen.getByRole('table', { name: 'Budget and actual cost by category' })
    expect(
      within(categories)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Labour', 'Hardware', 'Contingency'])
    expect(cells(rowOf(categories, 'Labour'))).toEqual(['£300k', '£180k', '60%'])
  })

  test('the as-of day is the range’s last day', async () => {
    const fetch = stubProject()
    renderApp('/projects/PRJ-0009?from=2026-01-01&to=2026-02-28')
    await heading()
    const [url] = requestedUrls(fetch, '/projects/PRJ-0009/evm')
    expect(url?.searchParams.get('asOf')).toBe('2026-02-28')
  })

  test('an unknown code says so and links back to the projects', async () => {
    stubProject({
      'GET /projects/:code/evm': {
        status: 404,
        body: { error: { code: 'project_not_found', message: 'No such project' } },
      },
      'GET /projects/:code': {
        status: 404,
        body: { error: { code: 'project_not_found', message: 'No such project' } },
      },
    })
    renderApp('/projects/PRJ-0404?range=7d')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No project PRJ-0404' }),
    ).toBeVisible()
    expect(screen.getByRole('link', { name: '← All projects' })).toHaveAttribute(
      'href',
      '/projects?range=7d',
    )
  })
})

function formatDateOf(iso: string) {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso))
}
