import { screen, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, stubApi } from '../../testing/render-app.tsx'
import type { SnapshotListItem } from './queries.ts'

const item = (id: number, label: string, firstDay: string, over: Partial<SnapshotListItem> = {}) =>
  ({
    id,
    title: `IT report — ${label}`,
    periodKind: 'month',
    firstDay,
    lastDay: firstDay.replace(/-01$/, '-28'),
    dataCutoff: '2026-12-01T00:05:00.000Z',
    frozenAt: '2026-12-01T09:00:00.000Z',
    frozenBy: 'Mo Manager',
    scheduleId: null,
    label,
    ...over,
  }) satisfies SnapshotListItem

// As the API might list them: not in order.
const LIST = [
  item(3, 'October 2026', '2026-10-01', { frozenBy: 'opsdeck', scheduleId: 1 }),
  item(5, 'November 2026', '2026-11-01'),
  item(2, 'September 2026', '2026-09-01'),
]
const table = () => screen.findByRole('table', { name: 'Frozen reports, newest period first' })

describe('Report archive', { timeout: 20_000 }, () => {
  test('lists the frozen reports newest period first, each linking to its snapshot', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots': { body: { snapshots: LIST } },
    })
    renderApp('/reports/snapshots')
    const rows = within(await table())
      .getAllByRole('row')
      .slice(1)
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'November 2026',
      'October 2026',
      'September 2026',
    ])
    expect(screen.getByRole('link', { name: 'October 2026' })).toHaveAttribute(
      'href',
      '/reports/snapshots/3',
    )
    expect(rows[1]).toHaveTextContent('IT report — October 2026 Scheduled')
    expect(rows[1]).toHaveTextContent('by opsdeck')
    expect(rows[0]).not.toHaveTextContent('Scheduled')
    const nav = screen.getByRole('navigation', { name: 'Reports sections' })
    expect(within(nav).getByRole('link', { name: 'Archive' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    expect(within(nav).getByRole('link', { name: 'Schedules' })).toHaveAttribute(
      'href',
      '/reports/schedules',
    )
  })

  test('two picked are compared, the earlier period as A; a third pick replaces the first', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots': { body: { snapshots: LIST } },
    })
    const { user, router } = renderApp('/reports/snapshots')
    await table()
    const compare = screen.getByRole('button', { name: 'Compare' })
    expect(compare).toBeDisabled()
    await user.click(screen.getByRole('checkbox', { name: /^Pick .*, September 2026,/ }))
    expect(screen.getByRole('status')).toHaveTextContent('Pick two reports (1 of 2)')
    await user.click(screen.getByRole('checkbox', { name: /^Pick .*, November 2026,/ }))
    await user.click(screen.getByRole('checkbox', { name: /^Pick .*, October 2026,/ }))
    expect(screen.getByRole('checkbox', { name: /September 2026/ })).not.toBeChecked()
    expect(screen.getByRole('status')).toHaveTextContent('November 2026 and October 2026 picked')
    await user.click(compare)
    expect(router.state.location).toMatchObject({
      pathname: '/reports/compare',
      search: '?a=3&b=5',
    })
  })

  test('says how to get a first frozen report when there is none', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots': { body: { snapshots: [] } },
    })
    renderApp('/reports/snapshots')
    expect(await screen.findByText('No report frozen yet')).toBeInTheDocument()
    const hint = screen.getByText(/freeze one from/)
    expect(hint).toHaveTextContent('No report frozen yet — freeze one from Reports.')
    expect(within(hint).getByRole('link', { name: 'Reports' })).toHaveAttribute('href', '/reports')
    expect(screen.queryByRole('button', { name: 'Compare' })).not.toBeInTheDocument()
  })

  test('a failure to load says so, with Retry', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots': {
        status: 503,
        body: { error: { code: 'database_unavailable', message: 'The database is not answering' } },
      },
    })
    renderApp('/reports/snapshots')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the frozen reports')
    expect(alert).toHaveTextContent('The database is not answering')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  })
})
