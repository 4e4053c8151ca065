import { screen, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requests, stubApi } from '../../testing/render-app.tsx'
import { reportFixture, snapshotFixture } from '../../testing/report-fixture.ts'
import type { ReportSection } from './queries.ts'

// B is the fixture's November; A is October, with other values and a figure November dropped.
const november = snapshotFixture(41)
const octoberReport = (() => {
  const r = reportFixture({
    title: 'IT report — October 2026',
    summary: { text: 'October was quiet.', highlights: [], risks: ['Payments budget low.'] },
  })
  r.period = { ...r.period, label: 'October 2026', firstDay: '2026-10-01', lastDay: '2026-10-31' }
  const [services, projects] = r.sections as [ReportSection, ReportSection]
  const [tier1, budgets] = services.figures
  services.figures = [
    { ...tier1!, value: 0.99994 },
    { ...budgets!, value: 0 },
    { ...budgets!, key: 'retired', label: 'Retired figure', value: 5 },
  ]
  projects.figures = [{ ...projects.figures[0]!, value: 756044562 }]
  return r
})()
const october = snapshotFixture(40, octoberReport)

const rowsOf = (name: RegExp) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map((row) => [...row.children].map((c) => c.textContent))

describe('Compare reports', { timeout: 20_000 }, () => {
  test('shows both reports’ figures side by side with the difference, marked better or worse', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots/:id': ({ url }) => ({
        body: url.pathname.endsWith('/40') ? october : november,
      }),
    })
    renderApp('/reports/compare?a=40&b=41')
    expect(await screen.findByRole('region', { name: 'Report A' })).toHaveTextContent(
      'October 2026',
    )
    expect(screen.getByRole('region', { name: 'Report B' })).toHaveTextContent('November 2026')
    expect(rowsOf(/^Service health: October 2026 \(A\) against November 2026 \(B\)$/)).toEqual([
      ['Figure', 'A · October 2026', 'B · November 2026', 'Difference'],
      ['Tier 1 availability', '99.99%', '99.96%', '−0.03 pts (worse)'],
      ['Error budgets exhausted', '0', '2', '+2 (worse)'],
      ['Retired figure', '5', '—', '—'],
    ])
    expect(rowsOf(/^Project budgets:/)).toEqual([
      ['Figure', 'A · October 2026', 'B · November 2026', 'Difference'],
      ['Forecast cost (EAC)', '£7.6m', '£7.6m', '+£69.9k (worse)'],
    ])
    expect(screen.getByText('−0.03 pts', { exact: false })).toHaveClass('verdict-worse')

    const summaries = screen.getByRole('region', { name: 'Executive summaries' })
    const a = within(summaries).getByRole('group', { name: 'A · October 2026' })
    const b = within(summaries).getByRole('group', { name: 'B · November 2026' })
    expect(a).toHaveTextContent('October was quiet.')
    expect(a).toHaveTextContent('HighlightsNone.RisksPayments budget low.')
    expect(b).toHaveTextContent(/^B · November 2026Tier 1 availability was 99\.96%/)
    expect(screen.getByRole('link', { name: 'Swap A and B' })).toHaveAttribute(
      'href',
      '/reports/compare?a=41&b=40',
    )
    expect(
      requests(fetch)
        .map((r) => r.url.pathname)
        .filter((p) => p.includes('snapshots')),
    ).toEqual(['/api/v1/reports/snapshots/40', '/api/v1/reports/snapshots/41'])
  })

  test('better is marked too: the reverse comparison reads better', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots/:id': ({ url }) => ({
        body: url.pathname.endsWith('/40') ? october : november,
      }),
    })
    renderApp('/reports/compare?a=41&b=40')
    await screen.findByRole('region', { name: 'Report A' })
    const row = screen.getByRole('row', { name: /^Tier 1 availability/ })
    expect(row).toHaveTextContent('+0.03 pts (better)')
    expect(within(row).getByText(/\+0\.03 pts/)).toHaveClass('verdict-better')
    expect(screen.getByRole('row', { name: /^Retired figure/ })).toHaveTextContent(
      'Retired figure—5—',
    )
  })

  test('an address without two snapshots says so and links to the archive', async () => {
    const fetch = stubApi({ 'GET /auth/me': signedIn('viewer') })
    renderApp('/reports/compare?a=40')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('does not name two report snapshots')
    expect(within(alert).getByRole('link', { name: 'archive' })).toHaveAttribute(
      'href',
      '/reports/snapshots',
    )
    expect(requests(fetch).some((r) => r.url.pathname.includes('snapshots'))).toBe(false)
  })

  test('a snapshot that cannot be opened says which', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots/:id': ({ url }) =>
        url.pathname.endsWith('/40')
          ? { body: october }
          : {
              status: 404,
              body: { error: { code: 'snapshot_not_found', message: 'No report snapshot 99' } },
            },
    })
    renderApp('/reports/compare?a=40&b=99')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not open report B')
    expect(alert).toHaveTextContent('No report snapshot 99')
  })
})
