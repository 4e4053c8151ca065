import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { closureDay, closureDayList, teamsList } from '../../testing/organisation-fixture.ts'
import { renderApp, requests, stubApi, type Reply } from '../../testing/render-app.tsx'

type Role = Parameters<typeof signedIn>[0]
const stubPage = (role: Role, more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /teams': { body: teamsList() },
    'GET /closure-days': { body: closureDayList() },
    ...more,
  })
const writes = (fetch: ReturnType<typeof stubApi>, method: string) =>
  requests(fetch).filter((r) => r.method === method)
const teamsTable = () => screen.findByRole('table', { name: 'Teams, by name' })
const closuresTable = () => screen.findByRole('table', { name: 'Closure days, by day' })

describe('Teams and calendar page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 11, 2, 12))
  })
  afterEach(() => vi.useRealTimers())

  test('a viewer sees the teams with their members and this year’s and next year’s closure days, and no control', async () => {
    const fetch = stubPage('viewer')
    renderApp('/capacity/settings')
    const teams = await teamsTable()
    expect(
      within(teams)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'TeamSlugMembers today',
      'Networknetwork5 people',
      'Platformplatform6 people',
      'Service deskservice-desk1 person',
    ])
    expect(screen.getByRole('link', { name: '6 people in Platform' })).toHaveAttribute(
      'href',
      '/capacity/people?team=platform',
    )
    const closures = await closuresTable()
    expect(
      within(closures)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'DayClosed for',
      'Fri 2 Jan 2026 · pastNew Year closure',
      'Tue 29 Dec 2026Christmas shutdown',
      'Wed 30 Dec 2026Christmas shutdown',
      'Thu 31 Dec 2026Christmas shutdown',
    ])
    const asked = requests(fetch).find((r) => r.url.pathname === '/api/v1/closure-days')
    expect(asked?.url.search).toBe('?from=2026-01-01&to=2027-12-31')
    for (const name of ['Add team', 'Add closure day', /^Rename/, /^Delete/])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument()
  })

  test('a manager renames a team: only its name is sent, and the list is fetched again', async () => {
    const renamed = teamsList()
    renamed.teams[1] = { ...renamed.teams[1]!, name: 'Platform engineering' }
    const fetch = stubPage('manager', {
      'GET /teams': [{ body: teamsList() }, { body: renamed }],
      'PATCH /teams/:slug': { body: renamed.teams[1] },
    })
    const { user } = renderApp('/capacity/settings')
    await teamsTable()
    await user.click(screen.getByRole('button', { name: 'Rename Platform' }))
    const form = screen.getByRole('form', { name: 'Rename Platform' })
    const name = within(form).getByLabelText('Name')
    expect(name).toHaveAccessibleDescription('The slug stays platform')
    await user.clear(name)
    await user.click(within(form).getByRole('button', { name: 'Save name' }))
    await waitFor(() => expect(name).toHaveFocus())
    expect(name).toHaveAccessibleDescription('The slug stays platform Enter the team’s name')
    await user.type(name, 'Platform engineering')
    await user.click(within(form).getByRole('button', { name: 'Save name' }))
    expect(await screen.findByRole('row', { name: /Platform engineering/ })).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Rename Platform' })).not.toBeInTheDocument()
    expect(writes(fetch, 'PATCH')).toHaveLength(1)
    expect(writes(fetch, 'PATCH')[0]?.url.pathname).toBe('/api/v1/teams/platform')
    expect(writes(fetch, 'PATCH')[0]?.body).toEqual({ name: 'Platform engineering' })
  })

  test('a new team’s slug follows its name until typed over; a taken slug (409) is beside it', async () => {
    const taken = {
      status: 409,
      body: {
        error: {
          code: 'slug_taken',
          message: 'A team has this slug',
          details: [{ path: 'json.slug', message: 'is taken' }],
        },
      },
    }
    const fetch = stubPage('manager', { 'POST /teams': taken })
    const { user } = renderApp('/capacity/settings')
    await teamsTable()
    await user.click(screen.getByRole('button', { name: 'Add team' }))
    const form = screen.getByRole('form', { name: 'Add a team' })
    await user.type(within(form).getByLabelText('Name'), 'Data & Analytics')
    const slug = within(form).getByLabelText('Slug')
    expect(slug).toHaveValue('data-analytics')
    await user.click(within(form).getByRole('button', { name: 'Add team' }))
    await waitFor(() => expect(slug).toHaveFocus())
    expect(slug).toBeInvalid()
    expect(slug).toHaveAccessibleDescription(/Is taken$/)
    expect(writes(fetch, 'POST')[0]?.body).toEqual({
      name: 'Data & Analytics',
      slug: 'data-analytics',
    })
  })

  test('a manager adds a closure day: a day already closed (409) is beside the day', async () => {
    const taken = {
      status: 409,
      body: {
        error: {
          code: 'closure_day_taken',
          message: 'The organisation is already closed on 2026-12-30 (Christmas shutdown)',
          details: [{ path: 'json.day', message: 'is already a closure day (Christmas shutdown)' }],
        },
      },
    }
    const added = closureDay('2027-01-04', 'New Year closure')
    const fetch = stubPage('manager', {
      'POST /closure-days': [taken, { status: 201, body: added }],
      'GET /closure-days': [{ body: closureDayList() }, { body: closureDayList([added]) }],
    })
    const { user } = renderApp('/capacity/settings')
    await closuresTable()
    await user.click(screen.getByRole('button', { name: 'Add closure day' }))
    const form = screen.getByRole('form', { name: 'Add a closure day' })
    const day = within(form).getByLabelText('Day')
    await user.type(day, '2026-12-30')
    await user.type(within(form).getByLabelText('Closed for'), 'Christmas')
    await user.click(within(form).getByRole('button', { name: 'Add closure day' }))
    await waitFor(() => expect(day).toHaveFocus())
    expect(day).toBeInvalid()
    expect(day).toHaveAccessibleDescription('Is already a closure day (Christmas shutdown)')

    await user.clear(day)
    await user.type(day, '2027-01-04')
    await user.clear(within(form).getByLabelText('Closed for'))
    await user.type(within(form).getByLabelText('Closed for'), 'New Year closure')
    await user.click(within(form).getByRole('button', { name: 'Add closure day' }))
    expect(
      await within(await closuresTable()).findByRole('row', { name: /Mon 4 Jan 2027/ }),
    ).toHaveTextContent('New Year closure')
    expect(screen.queryByRole('form', { name: 'Add a closure day' })).not.toBeInTheDocument()
    expect(writes(fetch, 'POST').map((r) => r.body)).toEqual([
      { day: '2026-12-30', name: 'Christmas' },
      { day: '2027-01-04', name: 'New Year closure' },
    ])
  })

  test('deleting a closure day asks first, then sends the DELETE', async () => {
    const fetch = stubPage('manager', { 'DELETE /closure-days/:day': { status: 204 } })
    const { user } = renderApp('/capacity/settings')
    await closuresTable()
    const name = 'Delete the closure day Tue 29 Dec 2026'
    await user.click(screen.getByRole('button', { name }))
    expect(writes(fetch, 'DELETE')).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'Delete closure day' }))
    await waitFor(() => expect(writes(fetch, 'DELETE')).toHaveLength(1))
    expect(writes(fetch, 'DELETE')[0]?.url.pathname).toBe('/api/v1/closure-days/2026-12-29')
  })
})
