import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { newPersonRecord, peopleList, teamsList } from '../../testing/organisation-fixture.ts'
import { renderApp, requests, stubApi, type Reply } from '../../testing/render-app.tsx'

type Role = Parameters<typeof signedIn>[0]

// GET /people answers by its query: everyone for the roles filter, those who left when asked.
const people: Reply = ({ url }) => ({
  body: peopleList(url.searchParams.get('includeLeft') === 'true'),
})
const stubPage = (role: Role, more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /people': people,
    'GET /teams': { body: teamsList() },
    ...more,
  })
const peopleRequests = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch)
    .filter((r) => r.method === 'GET' && r.url.pathname === '/api/v1/people')
    .map((r) => r.url.search)
const table = () => screen.findByRole('table', { name: 'People, by name' })

describe('People page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 11, 2, 12))
  })
  afterEach(() => vi.useRealTimers())

  test('a viewer sees everyone working here with their team and contract, and no control', async () => {
    stubPage('viewer')
    renderApp('/capacity/people')
    const rows = within(await table()).getAllByRole('row')
    expect(rows.map((r) => r.textContent)).toEqual([
      'NameRoleTeamHours a weekWorking days',
      'Ali KhanNetwork engineerNetwork37.5 hMon–Fri',
      'Priya ShahSREPlatform22.5 hMon–Wed',
    ])
    expect(screen.getByRole('link', { name: 'Priya Shah' })).toHaveAttribute(
      'href',
      '/capacity/people/42',
    )
    expect(screen.getByText('2 people.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add person' })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Import CSV' })).not.toBeInTheDocument()
  })

  test('the team, role, search and who has left go into the URL and the request', async () => {
    const fetch = stubPage('viewer')
    const { user, router } = renderApp('/capacity/people?range=30d')
    await table()
    // The form is keyed by the URL, so it is found again after each change.
    const filters = () => screen.getByRole('form', { name: 'Filter people' })
    // Roles come from everyone listed; teams from GET /teams.
    await waitFor(() =>
      expect(within(within(filters()).getByLabelText('Role')).getAllByRole('option')).toHaveLength(
        3,
      ),
    )
    await user.selectOptions(within(filters()).getByLabelText('Team'), 'Platform')
    await user.selectOptions(within(filters()).getByLabelText('Role'), 'SRE')
    await user.type(within(filters()).getByRole('searchbox'), ' pri ')
    await user.click(within(filters()).getByRole('button', { name: 'Search' }))
    await user.click(within(filters()).getByLabelText('Include people who have left'))
    await waitFor(() =>
      expect(router.state.location.search).toBe('?range=30d&q=pri&team=platform&role=SRE&left=1'),
    )
    await waitFor(() =>
      expect(peopleRequests(fetch)).toContain('?q=pri&team=platform&role=SRE&includeLeft=true'),
    )
    // Those who have left are listed, marked.
    const jo = await screen.findByRole('row', { name: /Jo Bloggs/ })
    expect(jo).toHaveTextContent('Jo Bloggs · left 30 Jun 2026')
    expect(jo).toHaveTextContent('Mon, Tue, Thu, Fri')

    // Clear filters empties them and the search box, the range kept.
    await user.click(within(filters()).getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(router.state.location.search).toBe('?range=30d'))
    expect(within(filters()).getByRole('searchbox')).toHaveValue('')
  })

  test('a person opened from the list leads back to it as filtered', async () => {
    stubPage('viewer', {
      'GET /people/:id': { status: 404, body: { error: { code: 'not_found' } } },
    })
    const { user, router } = renderApp('/capacity/people?team=platform')
    await user.click(within(await table()).getByRole('link', { name: 'Priya Shah' }))
    const back = await screen.findByRole('link', { name: '← People' })
    expect(back).toHaveAttribute('href', '/capacity/people?team=platform')
    await user.click(back)
    await waitFor(() => expect(router.state.location.search).toBe('?team=platform'))
  })

  test('no one matching says so and offers to clear the filters; a failure offers Retry', async () => {
    stubPage('viewer', {
      'GET /people': ({ url }) =>
        url.searchParams.has('q')
          ? { body: { people: [], truncated: false } }
          : { status: 500, body: { error: { code: 'internal', message: 'Something broke' } } },
    })
    const { user } = renderApp('/capacity/people?q=zed')
    expect(
      await screen.findByRole('heading', { name: 'No one matches these filters' }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the people')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  })

  test('a manager adds a person: the API’s 400 is beside its field, then their page opens', async () => {
    const refused = {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Invalid request: json.email: must be an email address',
          details: [{ path: 'json.email', message: 'must be an email address' }],
        },
      },
    }
    const fetch = stubPage('manager', {
      'POST /people': [refused, { status: 201, body: newPersonRecord() }],
      'GET /people/:id': { body: newPersonRecord() },
    })
    const { user, router } = renderApp('/capacity/people?team=service-desk')
    await table()
    await user.click(screen.getByRole('button', { name: 'Add person' }))
    const form = screen.getByRole('form', { name: 'Add a person' })
    // The team filtered to is chosen to start with.
    expect(within(form).getByLabelText('Team')).toHaveDisplayValue('Service desk')
    await user.type(within(form).getByLabelText('Name'), 'Sam Patel')
    await user.type(within(form).getByLabelText('Email'), 'sam@example')
    await user.type(within(form).getByLabelText('Role'), 'Analyst')
    const hours = within(form).getByLabelText('Contracted hours a week')
    await user.clear(hours)
    await user.type(hours, '30')
    await user.click(
      within(within(form).getByRole('group', { name: 'Working days' })).getByLabelText('Fri'),
    )
    const start = within(form).getByLabelText('Start date')
    await user.clear(start)
    await user.type(start, '2027-01-04')
    await user.type(within(form).getByLabelText('Cost rate an hour'), '32.50')
    await user.type(within(form).getByLabelText('Skills'), 'ITIL, itil ')
    await user.click(within(form).getByRole('button', { name: 'Add person' }))

    const email = within(form).getByLabelText('Email')
    await waitFor(() => expect(email).toHaveFocus())
    expect(email).toBeInvalid()
    expect(email).toHaveAccessibleDescription(
      'Optional; an import matches people by it Must be an email address',
    )
    const posts = () => requests(fetch).filter((r) => r.method === 'POST')
    expect(posts()[0]?.body).toEqual({
      name: 'Sam Patel',
      email: 'sam@example',
      teamId: 5,
      role: 'Analyst',
      skills: ['ITIL', 'itil'],
      contractedHoursPerWeek: 30,
      workingDays: [1, 2, 3, 4],
      costRatePencePerHour: 3250,
      startDate: '2027-01-04',
      bankHolidayRegion: null,
    })

    await user.type(email, '.org')
    await user.click(within(form).getByRole('button', { name: 'Add person' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/capacity/people/57'))
    expect(posts()).toHaveLength(2)
    expect(posts()[1]?.body).toMatchObject({ email: 'sam@example.org' })
  })

  test('the form refuses what it can tell before asking, focusing the first problem', async () => {
    const fetch = stubPage('manager')
    const { user } = renderApp('/capacity/people')
    await table()
    await user.click(screen.getByRole('button', { name: 'Add person' }))
    const form = screen.getByRole('form', { name: 'Add a person' })
    await user.type(within(form).getByLabelText('Cost rate an hour'), '12.345')
    await user.click(within(form).getByRole('button', { name: 'Add person' }))
    const name = within(form).getByLabelText('Name')
    await waitFor(() => expect(name).toHaveFocus())
    expect(name).toHaveAccessibleDescription('Enter their name')
    expect(within(form).getByLabelText('Team')).toHaveAccessibleDescription('Choose their team')
    expect(within(form).getByLabelText('Cost rate an hour')).toBeInvalid()
    expect(requests(fetch).filter((r) => r.method === 'POST')).toHaveLength(0)
    // Escape closes the form and gives the focus back to its button.
    await user.keyboard('{Escape}')
    expect(screen.getByRole('button', { name: 'Add person' })).toHaveFocus()
  })
})
