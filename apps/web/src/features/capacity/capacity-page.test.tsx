import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import {
  capacityGridFixture,
  capacityPeopleFixture,
  personWeekFixture,
  teamListFixture,
} from '../../testing/capacity-grid-fixture.ts'
import {
  coverFixture,
  forecastFixture,
  overallocationsFixture,
  runChangeFixture,
} from '../../testing/capacity-reads-fixture.ts'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requestedUrls, type Reply, stubApi } from '../../testing/render-app.tsx'

const tentativeOf = (url: URL) => url.searchParams.get('includeTentative') === 'true'

// As the API answers: the team chosen only (people of the role too, in the real one), named;
// the teams' people only when asked.
function gridFor(url: URL) {
  const grid = capacityGridFixture({
    includeTentative: tentativeOf(url),
    people: url.searchParams.get('people') === 'true',
  })
  const team = url.searchParams.get('team')
  return {
    ...grid,
    team,
    role: url.searchParams.get('role'),
    teams: grid.teams.filter((t) => team === null || t.slug === team),
  }
}

// GET /capacity/people/:id/weeks/:week?team=, read from its path.
function weekFor(url: URL) {
  const [, id = '', week = ''] = /\/people\/(\d+)\/weeks\/([\d-]+)$/.exec(url.pathname) ?? []
  return personWeekFixture(Number(id), week, url.searchParams.get('team'))
}

const stubPage = (more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn('viewer'),
    'GET /capacity': ({ url }) => ({ body: gridFor(url) }),
    'GET /capacity/people/:id/weeks/:week': ({ url }) => ({ body: weekFor(url) }),
    'GET /capacity/overallocations': ({ url }) => ({
      body: overallocationsFixture({ includeTentative: tentativeOf(url) }),
    }),
    'GET /capacity/run-change': { body: runChangeFixture() },
    'GET /capacity/cover': { body: coverFixture() },
    'GET /capacity/forecast': { body: forecastFixture() },
    'GET /teams': { body: teamListFixture() },
    'GET /people': { body: capacityPeopleFixture() },
    ...more,
  })

const heatmap = () => screen.findByRole('table', { name: /^Utilization by team and ISO week/ })
const paramsOf = (url: URL | undefined) => Object.fromEntries(url?.searchParams ?? [])
/** A reply held back until the test lets it go: the state before it can be seen. */
function held(reply: Reply) {
  let release = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  const later: Reply = async () => {
    await gate
    return reply
  }
  return { later, release }
}
const cell = (name: string | RegExp) => screen.getByRole('button', { name })

describe('Capacity page', { timeout: 20_000 }, () => {
  test('each team’s weeks as cells with their percent and band, this week marked, and the key', async () => {
    const fetch = stubPage()
    renderApp('/capacity')
    const table = await heatmap()
    // The teams only: a team's people come when it opens.
    expect(requestedUrls(fetch, '/capacity').map(paramsOf)).toEqual([{ includeTentative: 'false' }])
    const weeks = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(weeks).toEqual(['Team', 'W5114 Dec', 'W5221 Decthis week', 'W5328 Dec'])
    expect(within(table).getByRole('columnheader', { current: 'date' })).toHaveTextContent('W52')
    // The team's week: its own sums (54 h of 52.5 h), over 100%, with the mark beside the percent.
    expect(
      cell('Platform, week 52, from 21 Dec 2026: 103% (over 100%, to 110%), 54 h booked of 52.5 h'),
    ).toHaveTextContent('103%▲')
    expect(
      cell('Platform, week 51, from 14 Dec 2026: 60% (50–85%), 45 h booked of 75 h'),
    ).toHaveTextContent(/^60%$/)
    expect(
      cell('All teams, week 52, from 21 Dec 2026: 84% (50–85%), 69 h booked of 82.5 h'),
    ).toBeInTheDocument()
    expect(cell('Data, week 53, from 28 Dec 2026: no capacity')).toHaveTextContent('–')
    expect(screen.getByRole('list', { name: 'Heatmap key' })).toHaveTextContent(
      'under 50%50–85%85–100%▲over 100%, to 110%▲over 110%no capacitythis week',
    )
    // People are folded away until their team is opened; a team of nobody does not open.
    expect(within(table).queryByRole('link', { name: 'Alice Smith' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: /^Data 0 people$/ })).toBeDisabled()
    // Viewers are not offered the import; everyone finds the people, teams and calendar.
    expect(screen.queryByRole('link', { name: 'Import CSV' })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'People' })).toHaveAttribute('href', '/capacity/people')
    expect(screen.getByRole('link', { name: 'Teams and calendar' })).toHaveAttribute(
      'href',
      '/capacity/settings',
    )
    expect(
      screen.getByRole('button', { name: 'How the capacity figures are computed' }),
    ).toHaveAccessibleDescription(
      /Effective capacity: .*How bookings meet the calendar: .*Utilization: .*Incident toil: .*Cover risk: .*Run \/ change split:/,
    )
  })

  test('a team opens by keyboard to its people, each linking to their page, and a cell’s hours show on focus', async () => {
    const people = held(({ url }) => ({ body: gridFor(url) }))
    const week = held(({ url }) => ({ body: weekFor(url) }))
    const fetch = stubPage({
      'GET /capacity': [({ url }) => ({ body: gridFor(url) }), people.later],
      'GET /capacity/people/:id/weeks/:week': week.later,
    })
    const { user } = renderApp('/capacity?range=30d')
    const table = await heatmap()
    const platform = screen.getByRole('button', { name: /^Platform 2 people$/ })
    expect(platform).toHaveAttribute('aria-expanded', 'false')
    platform.focus()
    await user.keyboard('{Enter}')
    expect(platform).toHaveAttribute('aria-expanded', 'true')
    // Its people are asked for now, the page's view narrowed to the team.
    expect(await within(table).findByRole('status')).toHaveTextContent(
      'Loading the people of Platform…',
    )
    expect(paramsOf(requestedUrls(fetch, '/capacity').at(-1))).toEqual({
      includeTentative: 'false',
      team: 'platform',
      people: 'true',
    })
    people.release()
    expect(await within(table).findByRole('link', { name: 'Alice Smith' })).toHaveAttribute(
      'href',
      '/capacity/people/11?range=30d',
    )
    expect(within(table).getByRole('link', { name: 'Bob Jones' })).toHaveAttribute(
      'href',
      '/capacity/people/12?range=30d',
    )
    // One cell is in the tab order (the first row's this week); the arrows move down to Alice's.
    const allW52 = cell(/^All teams, week 52/)
    expect(allW52).toHaveAttribute('tabindex', '0')
    allW52.focus()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const alice = cell(
      'Alice Smith, week 52, from 21 Dec 2026: 133% (over 110%), 30 h booked of 22.5 h',
    )
    expect(alice).toHaveFocus()
    expect(alice).toHaveTextContent('133%▲')
    // The popover is the cell's description (the page's definitions are tooltips too).
    const tip = document.getElementById(alice.getAttribute('aria-describedby') ?? '') as HTMLElement
    expect(tip).toHaveAttribute('role', 'tooltip')
    expect(alice).toHaveAccessibleDescription(expect.stringContaining('Alice Smith, week 52'))
    const figures = () =>
      within(tip)
        .getAllByRole('term')
        .map((t) => `${t.textContent} ${t.nextElementSibling?.textContent}`)
    // The cell's own figures at once; the days and bookings behind them as they come.
    expect(figures().slice(0, 3)).toEqual(['Capacity 30 h', 'Time off −7.5 h', 'Effective 22.5 h'])
    expect(tip).toHaveTextContent('Loading the days off and allocations…')
    const asked = requestedUrls(fetch, '/capacity/people/11/weeks/2026-12-21')
    expect(asked.map(paramsOf)).toEqual([{ team: 'platform' }])
    week.release()
    await within(tip).findByRole('list', { name: 'Allocations' })
    expect(tip).not.toHaveTextContent('Loading')
    expect(figures()).toEqual([
      'Capacity 30 h (working days, after 1 holiday or closure day)',
      'Time off −7.5 h (1 day)',
      'Effective 22.5 h',
      'Booked 30 h confirmed: Project 24 h, Run / BAU 6 h',
      'Tentative 0 h',
      'Utilization 133% confirmed, 133% with tentative',
      'Over 7.5 h',
      'Over leave 7.5 h booked on days off: a conflict',
      'Incident toil 2 h, focus 20.5 h',
    ])
    expect(within(tip).getByRole('list', { name: 'Allocations' })).toHaveTextContent(
      'PRJ-0018 Citizen Portal Replatform: 24 hRun / BAU: 6 h',
    )
    expect(within(tip).getByRole('list', { name: 'Days off' })).toHaveTextContent(
      'Fri 25 Dec: Christmas Day (bank holiday)Thu 24 Dec: a day off',
    )
    // Closing the team folds its people away again.
    await user.click(platform)
    expect(within(table).queryByRole('link', { name: 'Alice Smith' })).not.toBeInTheDocument()
  })

  test('an open team keeps its people through the what-if, asked again with tentative work', async () => {
    const fetch = stubPage()
    const { user } = renderApp('/capacity')
    const table = await heatmap()
    await user.click(screen.getByRole('button', { name: /^Platform 2 people$/ }))
    expect(
      await screen.findByRole('button', {
        name: 'Bob Jones, week 52, from 21 Dec 2026: 80% (50–85%), 24 h booked of 30 h',
      }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'Include tentative work' }))
    expect(
      await screen.findByRole('button', {
        name: 'Bob Jones, week 52, from 21 Dec 2026: 140% (over 110%), 42 h booked of 30 h',
      }),
    ).toBeInTheDocument()
    expect(within(table).getByRole('link', { name: 'Alice Smith' })).toBeInTheDocument()
    expect(requestedUrls(fetch, '/capacity').map(paramsOf)).toContainEqual({
      includeTentative: 'true',
      team: 'platform',
      people: 'true',
    })
  })

  test('a team’s people or a cell’s days that fail to load say so; the people can be asked again', async () => {
    const failed = { status: 500, body: { error: { code: 'internal', message: 'Down' } } }
    stubPage({
      'GET /capacity': [
        ({ url }) => ({ body: gridFor(url) }),
        failed,
        ({ url }) => ({ body: gridFor(url) }),
      ],
      'GET /capacity/people/:id/weeks/:week': failed,
    })
    const { user } = renderApp('/capacity')
    const table = await heatmap()
    await user.click(screen.getByRole('button', { name: /^Platform 2 people$/ }))
    const alert = await within(table).findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the people of Platform.')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    const alice = await screen.findByRole('button', { name: /^Alice Smith, week 52/ })
    await user.click(alice)
    const tip = document.getElementById(alice.getAttribute('aria-describedby') ?? '') as HTMLElement
    expect(
      await within(tip).findByText('Could not load the days off and allocations behind this week.'),
    ).toBeInTheDocument()
    // The cell's own figures still show.
    expect(tip).toHaveTextContent('Effective22.5 h')
  })

  test('managers are offered the import of people and allocations', async () => {
    stubPage({ 'GET /auth/me': signedIn('manager') })
    renderApp('/capacity?range=30d')
    await heatmap()
    expect(screen.getByRole('link', { name: 'Import CSV' })).toHaveAttribute(
      'href',
      '/capacity/import?range=30d',
    )
  })

  test('including tentative work goes into the URL and the requests, and changes the cells and the list', async () => {
    const fetch = stubPage()
    const { router, user } = renderApp('/capacity')
    await heatmap()
    expect(cell(/^Platform, week 52/)).toHaveTextContent('103%')
    const over = await screen.findByRole('table', { name: 'Over-allocated people by week' })
    expect(
      within(over)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['Alice SmithSRE'])

    await user.click(screen.getByRole('checkbox', { name: 'Include tentative work' }))
    await waitFor(() => expect(router.state.location.search).toBe('?tentative=1'))
    await waitFor(() =>
      expect(cell(/^Platform, week 52/)).toHaveAccessibleName(
        'Platform, week 52, from 21 Dec 2026: 137% (over 110%), 72 h booked of 52.5 h',
      ),
    )
    const grids = requestedUrls(fetch, '/capacity')
    expect(grids.map((u) => u.searchParams.get('includeTentative'))).toEqual(['false', 'true'])
    const lists = requestedUrls(fetch, '/capacity/overallocations')
    expect(lists.at(-1)?.searchParams.get('includeTentative')).toBe('true')
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Over-allocated people by week' }))
          .getAllByRole('rowheader')
          .map((r) => r.textContent),
      ).toEqual(['Bob JonesEngineer', 'Alice SmithSRE']),
    )
    // A link to the what-if opens it ticked.
    expect(screen.getByRole('checkbox', { name: 'Include tentative work' })).toBeChecked()
  })

  test('team and role filters from the lists, into the URL and the request', async () => {
    const fetch = stubPage()
    const { router, user } = renderApp('/capacity?range=30d')
    await heatmap()
    const team = screen.getByRole('combobox', { name: 'Team' })
    await waitFor(() =>
      expect(
        within(team)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['All teams', 'Data', 'Platform', 'Service Desk']),
    )
    await user.selectOptions(team, 'Platform')
    await waitFor(() => expect(router.state.location.search).toBe('?range=30d&team=platform'))
    const role = screen.getByRole('combobox', { name: 'Role' })
    expect(
      within(role)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All roles', 'Analyst', 'Engineer', 'SRE'])
    await user.selectOptions(role, 'SRE')
    await waitFor(() =>
      expect(router.state.location.search).toBe('?range=30d&team=platform&role=SRE'),
    )
    await waitFor(() => {
      const last = requestedUrls(fetch, '/capacity').at(-1)
      // One team chosen: its people come with it.
      expect(paramsOf(last)).toEqual({
        includeTentative: 'false',
        team: 'platform',
        role: 'SRE',
        people: 'true',
      })
    })
    // The total row is of what is shown, not of every team.
    expect(
      await screen.findByRole('rowheader', { name: 'Total shown' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    // Run vs change follows the team.
    await waitFor(() =>
      expect(requestedUrls(fetch, '/capacity/run-change').at(-1)?.searchParams.get('team')).toBe(
        'platform',
      ),
    )
  })

  test('the over-allocated people with their leave conflicts, cover risk, forecast and run vs change', async () => {
    stubPage()
    const { user } = renderApp('/capacity')
    const over = await screen.findByRole('table', { name: 'Over-allocated people by week' })
    // A wide table a keyboard can scroll: its box takes the focus and is named.
    const scroll = screen.getByRole('region', { name: 'Over-allocated people by week' })
    expect(scroll).toContainElement(over)
    expect(scroll).toHaveAttribute('tabindex', '0')
    // The figures right after who and when, so a phone shows them first.
    expect(
      within(over)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([
      'Person',
      'Week',
      'Over',
      'Utilization',
      'Booked of effective',
      'Team',
      'Conflict with leave',
    ])
    const row = within(over)
      .getByRole('rowheader', { name: /Alice Smith/ })
      .closest('tr') as HTMLElement
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'week 52, from 21 Dec 2026',
      '7.5 h',
      '133%',
      '30 h of 22.5 h',
      'Platform',
      'Yes: 7.5 h on 1 day off',
    ])
    const cover = await screen.findByRole('list', { name: 'Cover-risk warnings' })
    expect(cover).toHaveTextContent('Platform, week 53, from 28 Dec 2026: under 2 people on 2 days')
    expect(cover).toHaveTextContent('Tier-1 services: Payments API, Identity')
    expect(cover).toHaveTextContent('Tue 29 Dec 2026: 1 available (Alice Smith)')
    expect(cover).toHaveTextContent('Wed 30 Dec 2026: 1 available (Alice Smith)')
    const forecast = await screen.findByRole('table', {
      name: 'Demand against capacity by team, per week',
    })
    const platform = within(forecast)
      .getByRole('rowheader', { name: 'Platform' })
      .closest('tr') as HTMLElement
    expect(
      within(platform)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '137% ▲72 / 52.5 h, over', '100%15 / 15 h', '80%60 / 75 h'])
    // Roles over in some week first; the rest on request.
    const byRole = () =>
      screen.getByRole('table', { name: 'Demand against capacity by role, per week' })
    expect(
      screen.getByRole('heading', { name: 'By role: 1 of 2 over in some week' }),
    ).toBeInTheDocument()
    expect(
      within(byRole())
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['Engineer'])
    await user.click(screen.getByRole('button', { name: 'Show all 2 roles' }))
    expect(
      within(byRole())
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['Engineer', 'Analyst'])
    expect(
      await screen.findByRole('img', {
        name: /^Run \(run\/BAU 310 h, support 170 h, incidents 70 h\) 550 h, 44%/,
      }),
    ).toBeInTheDocument()
    const toil = screen.getByRole('table', { name: 'Incident toil by team and month, in hours' })
    expect(
      within(toil).getByRole('rowheader', { name: 'Platform' }).closest('tr'),
    ).toHaveTextContent('Platform20 h45 h65 h')
  })

  test('empty: no teams yet, nobody over, no cover risk; and no one matching the filters', async () => {
    const empty = { ...capacityGridFixture(), teams: [] }
    stubPage({
      'GET /capacity': { body: empty },
      'GET /capacity/overallocations': { body: { ...overallocationsFixture(), items: [] } },
      'GET /capacity/cover': { body: { ...coverFixture(), risks: [] } },
    })
    const { router, user } = renderApp('/capacity')
    expect(await screen.findByRole('heading', { name: 'No teams yet' })).toBeInTheDocument()
    expect(
      await screen.findByRole('heading', { name: 'Nobody is over-allocated' }),
    ).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'No cover risk' })).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: /^Utilization by team/ })).not.toBeInTheDocument()

    await router.navigate('/capacity?role=Juggler&tentative=1')
    expect(
      await screen.findByRole('heading', { name: 'No one matches these filters' }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show every team and role' }))
    await waitFor(() => expect(router.state.location.search).toBe('?tentative=1'))
  })

  test('a failed heatmap says so with its code and a retry; the other sections still load', async () => {
    stubPage({
      'GET /capacity': [
        { status: 500, body: { error: { code: 'internal', message: 'Something went wrong' } } },
        ({ url }) => ({ body: capacityGridFixture({ includeTentative: tentativeOf(url) }) }),
      ],
    })
    const { user } = renderApp('/capacity')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the heatmap')
    expect(alert).toHaveTextContent('Error code: internal')
    expect(await screen.findByRole('list', { name: 'Cover-risk warnings' })).toBeInTheDocument()
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await heatmap()).toBeInTheDocument()
  })
})
