import { KPI_DEFINITIONS } from '@opsdeck/kpi'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requests, stubApi, type Reply } from '../../testing/render-app.tsx'
import { dailyFixture, detailFixture, seriesFixture } from '../../testing/service-detail-fixture.ts'

type Role = Parameters<typeof signedIn>[0]

const stubService = (role: Role, more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /services/:slug': { body: detailFixture() },
    'GET /services/:slug/series': { body: seriesFixture() },
    'GET /services/:slug/daily': { body: dailyFixture() },
    ...more,
  })
const heading = () => screen.findByRole('heading', { level: 1, name: 'Payroll' })
const stat = (name: string) => screen.getByRole('group', { name })
const posts = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method !== 'GET')

// A whole page with its charts, typed into as a person would: slow on a loaded 2-core machine.
describe('Service detail page', { timeout: 20_000 }, () => {
  test('status now, each KPI with its definition, alerts, incidents and maintenance', async () => {
    const fetch = stubService('viewer')
    renderApp('/services/payroll?range=7d&sort=p95&order=desc')
    await heading()
    const now = screen.getByRole('group', { name: 'Status now' })
    expect(now).toHaveTextContent(/^Down/)
    expect(now).toHaveTextContent('timeout after 10000 ms')

    expect(stat('Uptime 24 h')).toHaveTextContent('97.12%')
    expect(stat('Uptime 24 h')).toHaveTextContent('below SLO')
    expect(stat('SLO attainment')).toHaveTextContent('Missed')
    expect(stat('Error budget left')).toHaveTextContent('overspent by 40%17m over the 43m allowed')
    expect(stat('Budget runs out')).toHaveTextContent('Already spent')
    expect(stat('Burn rate 1 h')).toHaveTextContent('×29')
    expect(stat('p99')).toHaveTextContent('9.6 s')
    // Each figure's definition is the one in packages/kpi.
    expect(
      within(stat('Burn rate 1 h')).getByRole('button', { name: 'How Burn rate 1 h is computed' }),
    ).toHaveAccessibleDescription(
      new RegExp(KPI_DEFINITIONS.burnRate.formula.replace(/[()]/g, '\\$&')),
    )
    expect(screen.getByText('How these figures are counted')).toBeInTheDocument()

    const alerts = screen.getByRole('table', { name: 'Burn-rate alerts, firing first' })
    expect(within(alerts).getByRole('rowheader')).toHaveTextContent('Page · firing')
    expect(screen.getByRole('table', { name: 'Recent incidents, newest first' })).toHaveTextContent(
      'INC-0142 Payroll unreachable',
    )
    expect(screen.getByRole('list', { name: 'Upcoming maintenance windows' })).toHaveTextContent(
      'Monthly Windows Server patching',
    )
    // Charts summarised in words; the daily strip too.
    expect(
      await screen.findByRole('img', { name: /^Uptime per 1-hour bucket/ }),
    ).toBeInTheDocument()
    expect(
      screen.getByRole('img', { name: /^Error budget over the 30-day SLO window: 50% left/ }),
    ).toHaveAccessibleName(/runs out on 27 Dec 2026/)
    expect(
      await screen.findByRole('img', { name: /^Payroll, daily uptime over the last 90 days/ }),
    ).toBeInTheDocument()

    // A viewer reads the check but cannot change it or plan maintenance.
    expect(
      screen.getByText('GET https://payroll.example.org/health expecting 200'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit check' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Schedule maintenance' })).not.toBeInTheDocument()
    // Nor whether a page-level alert opens an incident, which it reads in words.
    const alertsPart = screen.getByRole('region', { name: 'Burn-rate alerts' })
    expect(alertsPart).toHaveTextContent(
      'Page-level alerts do not open an incident for this service. Managers and admins can change this.',
    )
    expect(within(alertsPart).queryByRole('checkbox')).not.toBeInTheDocument()
    // The range in the URL is the charts' range; "All services" goes back to the list's view.
    const series = requests(fetch).find((r) => r.url.pathname.endsWith('/series'))
    expect(series?.url.searchParams.has('from')).toBe(true)
    expect(screen.getByRole('link', { name: '← All services' })).toHaveAttribute(
      'href',
      '/services?range=7d&sort=p95&order=desc',
    )
  })

  test('a manager schedules a one-off window and sees it listed', async () => {
    const after = detailFixture({
      maintenance: [
        ...detailFixture().maintenance,
        {
          id: 44,
          startsAt: '2026-12-01T02:00:00.000Z',
          endsAt: '2026-12-01T03:30:00.000Z',
          reason: 'Database failover test',
          recurring: false,
        },
      ],
    })
    const fetch = stubService('manager', {
      'GET /services/:slug': [{ body: detailFixture() }, { body: after }],
      'POST /services/:slug/maintenance': { status: 201, body: { schedule: null, windows: [] } },
    })
    const { user } = renderApp('/services/payroll')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }))
    const form = screen.getByRole('form', { name: 'Schedule maintenance' })
    const starts = within(form).getByLabelText('Starts')
    await user.clear(starts)
    await user.type(starts, '2026-12-01T02:00')
    const ends = within(form).getByLabelText('Ends')
    await user.clear(ends)
    await user.type(ends, '2026-12-01T03:30')
    await user.type(within(form).getByLabelText('Reason'), 'Database failover test')
    await user.click(within(form).getByRole('button', { name: 'Schedule' }))

    expect(await screen.findByText('Maintenance window scheduled.')).toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'Upcoming maintenance windows' })).toHaveTextContent(
      'Database failover test',
    )
    expect(posts(fetch).map((r) => r.body)).toEqual([
      {
        startsAt: new Date('2026-12-01T02:00').toISOString(),
        endsAt: new Date('2026-12-01T03:30').toISOString(),
        reason: 'Database failover test',
      },
    ])
    // Focus returns to the button that opened the form.
    expect(screen.getByRole('button', { name: 'Schedule maintenance' })).toHaveFocus()
  })

  test('a service with no samples in its SLO window shows n/a, not a whole budget', async () => {
    const noData = detailFixture({
      errorBudget: {
        allowedMinutes: 43.2,
        consumedMinutes: null,
        remainingMinutes: null,
        remainingShare: null,
        burnRate: null,
        exhaustsAt: null,
      },
      burnRates: { h1: null, h6: null, h24: null, window: null },
    })
    stubService('viewer', { 'GET /services/:slug': { body: noData } })
    renderApp('/services/payroll')
    await heading()
    expect(stat('Error budget left')).toHaveTextContent('n/an/a: no samples (43m allowed)')
    expect(stat('Error budget left')).not.toHaveTextContent('100%')
    expect(stat('Budget runs out')).toHaveTextContent('n/a')
    expect(stat('Budget runs out')).not.toHaveTextContent('Not at this rate')
    expect(stat('Burn rate 30 d')).toHaveTextContent('n/a')
  })

  test('Enter on "Schedule maintenance" focuses the form’s first field; cancel returns', async () => {
    stubService('manager', {})
    const { user } = renderApp('/services/payroll')
    await heading()
    screen.getByRole('button', { name: 'Schedule maintenance' }).focus()
    await user.keyboard('{Enter}')
    const form = screen.getByRole('form', { name: 'Schedule maintenance' })
    expect(document.activeElement).toBe(within(form).getByRole('radio', { name: 'Once' }))
    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Schedule maintenance' }),
    )
  })

  test('a weekly window’s refusal is shown beside its field, and focus goes there', async () => {
    stubService('admin', {
      'POST /services/:slug/maintenance': {
        status: 422,
        body: {
          error: {
            code: 'maintenance_in_past',
            message: 'Cannot plan this window: …',
            details: [
              {
                path: 'json.weekly.startsOn',
                message: 'must be today (2026-11-27 in Europe/London) or later',
              },
            ],
          },
        },
      },
    })
    const { user } = renderApp('/services/payroll')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }))
    const form = screen.getByRole('form', { name: 'Schedule maintenance' })
    await user.click(within(form).getByRole('radio', { name: 'Every week' }))
    expect(within(form).getByLabelText('Day')).toHaveDisplayValue('Sunday')
    const first = within(form).getByLabelText('First week from')
    await user.clear(first)
    await user.type(first, '2026-11-01')
    await user.type(within(form).getByLabelText('Reason'), 'Patching')
    await user.click(within(form).getByRole('button', { name: 'Schedule' }))

    await waitFor(() => expect(first).toHaveFocus())
    expect(first).toHaveAccessibleDescription(
      'Must be today (2026-11-27 in Europe/London) or later',
    )
    expect(first).toBeInvalid()
    // Escape closes the form without saving.
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('form', { name: 'Schedule maintenance' })).not.toBeInTheDocument()
  })

  test('a manager edits the check: only the change is sent, refusals by field', async () => {
    const fetch = stubService('manager', {
      'PATCH /services/:slug': [
        {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'Invalid request',
              details: [
                {
                  path: 'json.check.timeoutMs',
                  message: 'must be less than the interval (60 s = 60000 ms)',
                },
              ],
            },
          },
        },
        { body: { service: {} } },
      ],
    })
    const { user } = renderApp('/services/payroll')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Edit check' }))
    const form = screen.getByRole('form', { name: 'Edit the check' })
    const timeout = within(form).getByLabelText('Timeout (ms)')
    await user.clear(timeout)
    await user.type(timeout, '90000')
    await user.click(within(form).getByRole('button', { name: 'Save check' }))
    await waitFor(() => expect(timeout).toHaveFocus())
    expect(timeout).toHaveAccessibleDescription('Must be less than the interval (60 s = 60000 ms)')

    await user.clear(timeout)
    await user.type(timeout, '5000')
    await user.click(within(form).getByRole('button', { name: 'Save check' }))
    expect(await screen.findByText('Check saved.')).toBeInTheDocument()
    expect(posts(fetch).map((r) => r.body)).toEqual([
      { check: { timeoutMs: 90000 } },
      { check: { timeoutMs: 5000 } },
    ])
  })

  test('a manager turns on opening an incident on a page-level alert', async () => {
    const on = detailFixture({ service: { ...detailFixture().service, openIncidentOnPage: true } })
    const fetch = stubService('manager', {
      'GET /services/:slug': [{ body: detailFixture() }, { body: on }],
      'PATCH /services/:slug': { body: { service: {} } },
    })
    const { user } = renderApp('/services/payroll')
    await heading()
    const part = screen.getByRole('region', { name: 'Burn-rate alerts' })
    const box = within(part).getByRole('checkbox', {
      name: 'Open an incident on a page-level burn-rate alert',
    })
    expect(box).not.toBeChecked()
    expect(box).toHaveAccessibleDescription(/An SEV2 incident with this service degraded/)
    const save = within(part).getByRole('button', { name: 'Save incident setting' })
    await user.click(save)
    expect(within(part).getByRole('status')).toHaveTextContent(
      'Nothing to save: the setting is unchanged.',
    )

    // By keyboard: Space ticks the box, Tab reaches Save, Enter saves; focus stays on Save.
    box.focus()
    await user.keyboard(' ')
    expect(within(part).getByRole('status')).toHaveTextContent('')
    await user.tab()
    expect(save).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() =>
      expect(within(part).getByRole('status')).toHaveTextContent(
        'Saved: a page-level alert now opens an incident.',
      ),
    )
    expect(posts(fetch).map((r) => r.body)).toEqual([{ openIncidentOnPage: true }])
    expect(box).toBeChecked()
    expect(save).toHaveFocus()
  })

  test('a refused change says why, takes focus and keeps the box as ticked', async () => {
    stubService('manager', {
      'PATCH /services/:slug': {
        status: 404,
        body: { error: { code: 'service_not_found', message: 'No such service' } },
      },
    })
    const { user } = renderApp('/services/payroll')
    await heading()
    const part = screen.getByRole('region', { name: 'Burn-rate alerts' })
    const box = within(part).getByRole('checkbox', { name: /Open an incident/ })
    await user.click(box)
    await user.click(within(part).getByRole('button', { name: 'Save incident setting' }))
    const alert = await within(part).findByRole('alert')
    expect(alert).toHaveTextContent('No such service')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(box).toBeChecked()
    expect(within(part).getByRole('status')).toHaveTextContent('')
  })

  test('a viewer reads that a page-level alert opens an incident', async () => {
    const on = detailFixture({ service: { ...detailFixture().service, openIncidentOnPage: true } })
    stubService('viewer', { 'GET /services/:slug': { body: on } })
    renderApp('/services/payroll')
    await heading()
    expect(screen.getByRole('region', { name: 'Burn-rate alerts' })).toHaveTextContent(
      'A page-level alert opens an SEV2 incident for this service.',
    )
  })

  test('an unknown service says so, with the way back', async () => {
    stubApi({
      'GET /auth/me': signedIn(),
      'GET /services/:slug': {
        status: 404,
        body: { error: { code: 'service_not_found', message: 'No such service' } },
      },
      'GET /services/:slug/series': { status: 404 },
      'GET /services/:slug/daily': { status: 404 },
    })
    renderApp('/services/nope')
    expect(await screen.findByRole('heading', { name: 'Service not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '← All services' })).toHaveAttribute(
      'href',
      '/services',
    )
  })
})
