import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import {
  allocationList,
  allocationPreview,
  personRecord,
  platformGrid,
  projectList,
  teamList,
  timeOffList,
} from '../../testing/person-fixture.ts'
import { renderApp, requests, stubApi, type Reply } from '../../testing/render-app.tsx'

type Role = Parameters<typeof signedIn>[0]
const stubPage = (role: Role, more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /people/:id': { body: personRecord() },
    'GET /capacity': { body: platformGrid() },
    'GET /allocations': { body: allocationList() },
    'GET /time-off': { body: timeOffList() },
    'GET /projects': { body: projectList() },
    'GET /teams': { body: teamList() },
    ...more,
  })
const heading = () => screen.findByRole('heading', { level: 1, name: 'Priya Shah' })
const writes = (fetch: ReturnType<typeof stubApi>, method: string) =>
  requests(fetch).filter((r) => r.method === method)

describe('Person page', { timeout: 20_000 }, () => {
  // Only the clock's day is fixed (Wednesday 2 December 2026): timers run, so typing works.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 11, 2, 12))
  })
  afterEach(() => vi.useRealTimers())

  test('a viewer sees the person, their weeks, allocations and time off, and no control', async () => {
    const fetch = stubPage('viewer')
    renderApp('/capacity/people/42?range=30d')
    await heading()
    const facts = screen.getByRole('list', { name: 'About this person' })
    expect(facts).toHaveTextContent('SRE')
    expect(facts).toHaveTextContent('Platform since 1 Jul 2026')
    expect(facts).toHaveTextContent('22.5 h, Mon–Wed')
    expect(facts).toHaveTextContent('Scotland (their own)')
    expect(screen.getByRole('list', { name: 'Skills' })).toHaveTextContent('KubernetesPostgres')
    expect(screen.getByRole('list', { name: 'Team history, newest first' })).toHaveTextContent(
      'Platform from 1 Jul 2026Network 6 Jan 2025 – 30 Jun 2026 (541 days)',
    )
    expect(screen.getByRole('link', { name: '← Capacity' })).toHaveAttribute(
      'href',
      '/capacity?range=30d',
    )

    // The week of 14 Dec is over confirmed; the week of 21 Dec only with tentative work.
    const weeks = await screen.findByRole('table', { name: /Utilization by week/ })
    expect(screen.getByText(/Confirmed work:/)).toHaveTextContent(
      'Confirmed work: over 100% in 1 week (week of 14 Dec).',
    )
    expect(screen.getByText(/With tentative work:/)).toHaveTextContent(
      'over 100% in 2 weeks (week of 14 Dec, 21 Dec)',
    )
    const confirmed = within(weeks).getByRole('row', { name: /^Confirmed/ })
    expect(within(confirmed).getAllByRole('cell')[14]).toHaveTextContent('120%over')
    expect(within(confirmed).getAllByRole('cell')[15]).toHaveTextContent('80%')
    expect(requests(fetch).find((r) => r.url.pathname === '/api/v1/capacity')?.url.search).toBe(
      '?team=platform&role=SRE&people=true',
    )

    const current = await screen.findByRole('table', { name: 'Current and future allocations' })
    expect(current).toHaveTextContent('PRJ-0012 Network refresh')
    expect(current).toHaveTextContent('18 h a week')
    expect(screen.getByText('Past allocations (1)')).toBeInTheDocument()
    expect(
      screen.getByRole('table', { name: 'Past allocations, latest first', hidden: true }),
    ).toHaveTextContent('50% (11.25 h a week)')
    expect(
      await screen.findByRole('table', { name: 'Time off, upcoming first' }),
    ).toHaveTextContent('21 Dec 2026 – 23 Dec 2026 (3 days)')
    for (const name of [
      'Edit person',
      'Move to another team',
      'Add allocation',
      'Add time off',
      /^Edit the/,
      /^Delete the/,
    ])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument()
  })

  test('a manager adds an allocation: its effect is previewed, then it is posted', async () => {
    const fetch = stubPage('manager', {
      'POST /allocations/preview': { body: allocationPreview() },
      'POST /allocations': { status: 201, body: allocationList().allocations[1] },
    })
    const { user } = renderApp('/capacity/people/42')
    await heading()
    await user.click(await screen.findByRole('button', { name: 'Add allocation' }))
    const form = screen.getByRole('form', { name: 'Add an allocation' })
    // The form takes the focus from the button it replaced.
    expect(within(form).getByLabelText('Kind')).toHaveFocus()
    const effect = within(form).getByRole('region', { name: 'Effect before saving' })
    expect(effect).toHaveTextContent('Fill in the form')
    await user.selectOptions(within(form).getByLabelText('Project'), 'PRJ-0015 Data centre exit')
    await user.clear(within(form).getByLabelText('First day'))
    await user.type(within(form).getByLabelText('First day'), '2027-01-04')
    await user.type(within(form).getByLabelText('Last day'), '2027-01-15')
    // Not valid yet (no hours): nothing asked.
    expect(writes(fetch, 'POST')).toHaveLength(0)
    await user.type(within(form).getByLabelText('Hours a week'), '10')
    await user.selectOptions(
      within(form).getByLabelText('Status'),
      'Tentative (counts only in the what-if)',
    )

    const summary = await within(effect).findByText(
      /Turns Priya Shah over 100%/,
      {},
      { timeout: 3000 },
    )
    expect(summary).toHaveTextContent('Turns Priya Shah over 100% in 1 week: 4 Jan.')
    const rows = within(effect).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('4 Jan80% → 124%turns over 100%')
    expect(rows[2]).toHaveTextContent('11 Jan36% → 80%')
    expect(rows[2]).not.toHaveTextContent('over')
    // Asked once, when the form stood still, with the form as it was then.
    const previews = writes(fetch, 'POST').filter((r) => r.url.pathname.endsWith('/preview'))
    expect(previews).toHaveLength(1)
    const body = {
      personId: 42,
      kind: 'project',
      projectCode: 'PRJ-0015',
      firstDay: '2027-01-04',
      lastDay: '2027-01-15',
      hoursPerWeek: 10,
      percent: null,
      status: 'tentative',
      note: '',
    }
    expect(previews[0]?.body).toEqual(body)

    await user.click(within(form).getByRole('button', { name: 'Add allocation' }))
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Add an allocation' })).not.toBeInTheDocument(),
    )
    const post = writes(fetch, 'POST').find((r) => r.url.pathname === '/api/v1/allocations')
    expect(post?.body).toEqual(body)
    // The page's reads are fetched again.
    await waitFor(() =>
      expect(
        requests(fetch).filter(
          (r) => r.url.pathname === '/api/v1/allocations' && r.method === 'GET',
        ),
      ).toHaveLength(2),
    )
  })

  test('the API’s 400 is shown beside its field, which gets the focus', async () => {
    stubPage('manager', {
      'POST /allocations/preview': { body: allocationPreview() },
      'POST /allocations': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Invalid request: json.lastDay: must be on or before Priya Shah’s leave date',
            details: [{ path: 'json.lastDay', message: 'must be on or before their leave date' }],
          },
        },
      },
    })
    const { user } = renderApp('/capacity/people/42')
    await heading()
    await user.click(await screen.findByRole('button', { name: 'Add allocation' }))
    const form = screen.getByRole('form', { name: 'Add an allocation' })
    await user.selectOptions(within(form).getByLabelText('Kind'), 'Run / BAU')
    expect(within(form).queryByLabelText('Project')).not.toBeInTheDocument()
    await user.type(within(form).getByLabelText('Last day'), '2027-01-15')
    await user.selectOptions(within(form).getByLabelText('Booked in'), '% of their contract')
    await user.type(within(form).getByLabelText('Percent of contract'), '50')
    await user.click(within(form).getByRole('button', { name: 'Add allocation' }))
    const lastDay = within(form).getByLabelText('Last day')
    await waitFor(() => expect(lastDay).toHaveFocus())
    expect(lastDay).toHaveAccessibleDescription('Must be on or before their leave date')
    expect(lastDay).toBeInvalid()
  })

  test('deleting an allocation asks first, then sends the DELETE', async () => {
    const fetch = stubPage('manager', { 'DELETE /allocations/:id': { status: 204 } })
    const { user } = renderApp('/capacity/people/42')
    await heading()
    const name = /^Delete the allocation PRJ-0012 Network refresh/
    await user.click(await screen.findByRole('button', { name }))
    const confirm = screen.getByRole('group', { name: /^Delete the allocation PRJ-0012/ })
    expect(writes(fetch, 'DELETE')).toHaveLength(0)
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(writes(fetch, 'DELETE')).toHaveLength(0)
    await user.click(screen.getByRole('button', { name }))
    await user.click(screen.getByRole('button', { name: 'Delete allocation' }))
    await waitFor(() => expect(writes(fetch, 'DELETE')).toHaveLength(1))
    expect(writes(fetch, 'DELETE')[0]?.url.pathname).toBe('/api/v1/allocations/71')
  })

  test('half a day of time off is one day; an overlap (409) is shown beside the day', async () => {
    const overlap = {
      status: 409,
      body: {
        error: {
          code: 'time_off_overlaps',
          message: 'Overlaps the person’s time off 2026-12-21 to 2026-12-23 (annual_leave, id 81)',
          details: [
            { path: 'json.firstDay', message: 'overlaps time off 81 (2026-12-21 to 2026-12-23)' },
          ],
        },
      },
    }
    const fetch = stubPage('manager', { 'POST /time-off': overlap })
    const { user } = renderApp('/capacity/people/42')
    await heading()
    await user.click(await screen.findByRole('button', { name: 'Add time off' }))
    const form = screen.getByRole('form', { name: 'Add time off' })
    await user.clear(within(form).getByLabelText('First day'))
    await user.type(within(form).getByLabelText('First day'), '2026-12-22')
    await user.clear(within(form).getByLabelText('Last day'))
    await user.type(within(form).getByLabelText('Last day'), '2026-12-24')
    await user.click(within(form).getByLabelText('Half a day'))
    // Half of one day: the last day goes, and the day sent as both.
    expect(within(form).queryByLabelText('Last day')).not.toBeInTheDocument()
    await user.click(within(form).getByRole('button', { name: 'Add time off' }))
    const day = within(form).getByLabelText('Day')
    await waitFor(() => expect(day).toHaveFocus())
    expect(day).toHaveAccessibleDescription('Overlaps time off 81 (2026-12-21 to 2026-12-23)')
    expect(writes(fetch, 'POST')[0]?.body).toEqual({
      personId: 42,
      firstDay: '2026-12-22',
      lastDay: '2026-12-22',
      kind: 'annual_leave',
      halfDay: true,
      note: '',
    })
  })

  test('editing the working pattern sends only what changed', async () => {
    const fetch = stubPage('manager', {
      'PATCH /people/:id': { body: personRecord({ workingDays: [1, 2, 4] }) },
    })
    const { user } = renderApp('/capacity/people/42')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Edit person' }))
    const form = screen.getByRole('form', { name: 'Edit Priya Shah' })
    const days = within(form).getByRole('group', { name: 'Working days' })
    expect(within(days).getByLabelText('Wed')).toBeChecked()
    await user.click(within(days).getByLabelText('Wed'))
    await user.click(within(days).getByLabelText('Thu'))
    await user.click(within(form).getByRole('button', { name: 'Save person' }))
    await waitFor(() => expect(writes(fetch, 'PATCH')).toHaveLength(1))
    expect(writes(fetch, 'PATCH')[0]?.url.pathname).toBe('/api/v1/people/42')
    expect(writes(fetch, 'PATCH')[0]?.body).toEqual({ workingDays: [1, 2, 4] })
  })

  test('no working day ticked is refused before anything is sent', async () => {
    const fetch = stubPage('manager')
    const { user } = renderApp('/capacity/people/42')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Edit person' }))
    const days = screen.getByRole('group', { name: 'Working days' })
    for (const d of ['Mon', 'Tue', 'Wed']) await user.click(within(days).getByLabelText(d))
    await user.click(screen.getByRole('button', { name: 'Save person' }))
    expect(await within(days).findByText('Tick at least one working day')).toBeInTheDocument()
    expect(within(days).getByLabelText('Mon')).toHaveFocus()
    expect(writes(fetch, 'PATCH')).toHaveLength(0)
  })

  test('a manager moves the person to another team from a day', async () => {
    const moved = personRecord({ team: { id: 5, slug: 'service-desk', name: 'Service desk' } })
    const fetch = stubPage('manager', {
      'POST /people/:id/moves': { status: 201, body: moved },
      'GET /people/:id': [{ body: personRecord() }, { body: moved }],
    })
    const { user } = renderApp('/capacity/people/42')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Move to another team' }))
    const form = screen.getByRole('form', { name: 'Move Priya Shah to another team' })
    const team = within(form).getByLabelText('New team')
    expect(team).toHaveFocus()
    // Their own team is not offered.
    expect(within(team).queryByRole('option', { name: 'Platform' })).not.toBeInTheDocument()
    await user.selectOptions(team, 'Service desk')
    const from = within(form).getByLabelText('In the new team from')
    await user.clear(from)
    await user.type(from, '2027-01-04')
    await user.click(within(form).getByRole('button', { name: 'Move' }))
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'About this person' })).toHaveTextContent(
        'Service desk',
      ),
    )
    const post = writes(fetch, 'POST').find((r) => r.url.pathname === '/api/v1/people/42/moves')
    expect(post?.body).toEqual({ teamId: 5, from: '2027-01-04' })
  })
})
