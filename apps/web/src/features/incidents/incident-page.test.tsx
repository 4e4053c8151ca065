import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { formatInstant } from '../../lib/format.ts'
import { signedIn } from '../../testing/fixtures.ts'
import {
  incidentDetailFixture,
  NOW,
  peopleListFixture,
  writtenIncident,
} from '../../testing/incidents-fixture.ts'
import { renderApp, requests, stubApi, type Reply } from '../../testing/render-app.tsx'
import { listFixture } from '../../testing/services-fixture.ts'

type Role = Parameters<typeof signedIn>[0]

const stubIncident = (role: Role, more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /incidents/:ref': { body: incidentDetailFixture() },
    ...more,
  })
const heading = () => screen.findByRole('heading', { level: 1, name: 'Payroll unreachable' })
const writes = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method !== 'GET')
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('Incident page', { timeout: 20_000 }, () => {
  test('a service the incident did not take down reads 0m of downtime, as on the analytics', async () => {
    const detail = incidentDetailFixture()
    const [payroll, erp] = detail.downtime.services
    detail.downtime.services = [payroll!, { ...erp!, downSamples: 0, downtimeMinutes: 0 }]
    stubIncident('viewer', { 'GET /incidents/:ref': { body: detail } })
    renderApp('/incidents/INC-2026-0042')
    await heading()
    const services = screen.getByRole('table', { name: /^Affected services/ })
    const erpRow = within(services).getByRole('rowheader', { name: 'Finance ERP' }).closest('tr')!
    expect(cells(erpRow)[1]).toBe('0m')
  })

  test('a viewer reads targets, milestones, downtime, the timeline as text, review and actions', async () => {
    stubIncident('viewer')
    renderApp('/incidents/INC-2026-0042?range=7d&status=open')
    await heading()
    const facts = screen.getByRole('list', { name: 'About this incident' })
    expect(facts).toHaveTextContent('SEV1 Critical')
    expect(facts).toHaveTextContent('Status Investigating')
    expect(facts).toHaveTextContent('Commander Grace Hopper')
    expect(facts).toHaveTextContent('Open for 1h')

    expect(screen.getByRole('group', { name: 'Acknowledge target' })).toHaveTextContent(
      'Acknowledge targetBreachedtook 10m, target 5m',
    )
    expect(screen.getByRole('group', { name: 'Resolve target' })).toHaveTextContent(
      /Pending3h left \(due .+\), target 4h$/,
    )

    const milestones = screen.getByRole('table', { name: 'Milestones, in order' })
    const acked = within(milestones).getByRole('rowheader', { name: 'Acknowledged' })
    expect(cells(acked.closest('tr')!)).toEqual([
      `${formatInstant('2026-11-27T13:10:00.000Z')} (corrected)`,
    ])
    expect(
      cells(within(milestones).getByRole('rowheader', { name: 'Resolved' }).closest('tr')!),
    ).toEqual(['not yet'])

    const services = screen.getByRole('table', { name: /^Affected services/ })
    const payroll = within(services).getByRole('rowheader', { name: 'Payroll' })
    expect(cells(payroll.closest('tr')!)).toEqual([
      'Outage',
      '1h',
      '138.9% (more than the whole budget)',
    ])
    expect(within(services).getByRole('link', { name: 'Finance ERP' })).toHaveAttribute(
      'href',
      '/services/finance-erp?range=7d&status=open',
    )

    // Notes are text: markup someone typed is shown, never run or rendered.
    const timeline = screen.getByRole('list', { name: 'Timeline, oldest first' })
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(4)
    expect(
      within(timeline).getByText('<img src=x onerror=alert(1)> <b>rollback</b> started'),
    ).toBeInTheDocument()
    expect(timeline.querySelector('img, b')).toBeNull()
    const correction = within(timeline).getAllByRole('listitem')[3]!
    expect(correction).toHaveTextContent(
      `Acknowledged corrected from ${formatInstant('2026-11-27T13:12:00.000Z')} to ${formatInstant('2026-11-27T13:10:00.000Z')}`,
    )
    expect(correction).toHaveTextContent('Reason: The pager was answered at 13:10')

    expect(screen.getByText('A config change removed the database host.')).toBeInTheDocument()
    expect(screen.getByText(/^Draft, last changed/)).toBeInTheDocument()
    const actions = screen.getByRole('table', { name: 'Follow-up actions, by due date' })
    expect(
      cells(
        within(actions)
          .getByRole('rowheader', { name: /missing database host/ })
          .closest('tr')!,
      ),
    ).toEqual(['Grace Hopper', '25 Nov 2026 (overdue)', 'Open'])

    // No controls for a viewer; the way back keeps the list's view.
    expect(screen.queryByRole('region', { name: 'Change status' })).not.toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Add a note' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Correct/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit the review' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add follow-up action' })).not.toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: /^Status of/ })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: '← All incidents' })).toHaveAttribute(
      'href',
      '/incidents?range=7d&status=open',
    )
  })

  test('a manager sees only the legal moves, and a move is sent with its note', async () => {
    const fetch = stubIncident('manager', {
      'GET /incidents/:ref': [
        { body: incidentDetailFixture() },
        {
          body: incidentDetailFixture({
            incident: { status: 'resolved', resolvedAt: '2026-11-27T14:00:00.000Z' },
          }),
        },
      ],
      'POST /incidents/:ref/transitions': {
        body: writtenIncident({ status: 'resolved', resolvedAt: '2026-11-27T14:00:00.000Z' }),
      },
    })
    const { user } = renderApp('/incidents/INC-2026-0042')
    await heading()
    const region = screen.getByRole('region', { name: 'Change status' })
    const moves = within(region).getByRole('group', { name: 'Status moves' })
    expect(
      within(moves)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Mark identified', 'Monitor', 'Resolve'])
    await user.type(within(region).getByLabelText('Note with the change (optional)'), 'Rolled back')
    await user.click(within(moves).getByRole('button', { name: 'Resolve' }))

    // Resolved SEV1 with a draft review: it may reopen, not close, and the page says why.
    await waitFor(() =>
      expect(
        within(screen.getByRole('group', { name: 'Status moves' }))
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Reopen']),
    )
    expect(
      screen.getByText('A SEV1 incident is closed once its post-incident review is completed.'),
    ).toBeInTheDocument()
    expect(screen.getByLabelText('Note with the change (optional)')).toHaveValue('')
    const [post] = writes(fetch)
    expect(post?.url.pathname).toBe('/api/v1/incidents/INC-2026-0042/transitions')
    expect(post?.body).toEqual({ to: 'resolved', note: 'Rolled back' })
  })

  test('closing asks first; the API’s refusal is shown as it words it', async () => {
    const fetch = stubIncident('manager', {
      'GET /incidents/:ref': {
        body: incidentDetailFixture({
          incident: { status: 'resolved', resolvedAt: '2026-11-27T14:00:00.000Z' },
          review: { ...incidentDetailFixture().review!, completedAt: '2026-11-27T13:55:00.000Z' },
        }),
      },
      'POST /incidents/:ref/transitions': {
        status: 409,
        body: {
          error: {
            code: 'illegal_transition',
            message: 'A SEV1 incident needs a completed post-incident review before it is closed',
          },
        },
      },
    })
    const { user } = renderApp('/incidents/INC-2026-0042')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Close' }))
    const confirm = screen.getByRole('group', { name: /^Close INC-2026-0042\?/ })
    expect(writes(fetch)).toEqual([])
    await user.click(within(confirm).getByRole('button', { name: 'Close' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A SEV1 incident needs a completed post-incident review before it is closed',
    )
    expect(writes(fetch)[0]?.body).toEqual({ to: 'closed' })
  })

  test('a manager adds a note, kept exactly as typed', async () => {
    const fetch = stubIncident('manager', {
      'POST /incidents/:ref/notes': {
        status: 201,
        body: {
          ref: 'INC-2026-0042',
          event: {
            id: 9,
            at: '2026-11-27T14:00:00.000Z',
            kind: 'note',
            body: 'x',
            authorUserId: 2,
          },
        },
      },
    })
    const { user } = renderApp('/incidents/INC-2026-0042')
    await heading()
    const form = screen.getByRole('form', { name: 'Add a note' })
    await user.click(within(form).getByRole('button', { name: 'Add note' }))
    expect(within(form).getByRole('alert')).toHaveTextContent('Write the note first')
    await user.type(
      within(form).getByLabelText('Note'),
      '  <script>x</script> DB back{Enter}line 2',
    )
    await user.click(within(form).getByRole('button', { name: 'Add note' }))
    await waitFor(() => expect(within(form).getByLabelText('Note')).toHaveValue(''))
    expect(writes(fetch)[0]?.body).toEqual({ body: '  <script>x</script> DB back\nline 2' })
  })

  test('a manager corrects a milestone with a reason; the API’s objection lands on the time', async () => {
    const fetch = stubIncident('manager', {
      'POST /incidents/:ref/corrections': [
        {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'Invalid request',
              details: [
                { path: 'json.value', message: 'Detected at must not be before the start' },
              ],
            },
          },
        },
        { body: writtenIncident() },
      ],
    })
    const { user } = renderApp('/incidents/INC-2026-0042')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Correct detected time' }))
    const form = screen.getByRole('form', { name: 'Correct the detected time' })
    const time = within(form).getByLabelText('Detected at')
    expect(time).toHaveFocus()
    expect(time).toHaveValue(toLocal('2026-11-27T13:02:00.000Z'))
    await user.click(within(form).getByRole('button', { name: 'Save correction' }))
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription(
      'Say why the time is corrected',
    )
    expect(within(form).getByLabelText('Reason')).toHaveFocus()
    expect(writes(fetch)).toEqual([])

    await user.clear(time)
    await user.type(time, '2026-11-27T12:50')
    await user.type(within(form).getByLabelText('Reason'), 'Monitoring saw it first')
    await user.click(within(form).getByRole('button', { name: 'Save correction' }))
    await waitFor(() =>
      expect(time).toHaveAccessibleDescription(
        'Your time zone; empty clears it Detected at must not be before the start',
      ),
    )
    expect(time).toHaveFocus()
    await user.clear(time)
    await user.click(within(form).getByRole('button', { name: 'Save correction' }))
    await waitFor(() =>
      expect(
        screen.queryByRole('form', { name: 'Correct the detected time' }),
      ).not.toBeInTheDocument(),
    )
    expect(writes(fetch).map((w) => w.body)).toEqual([
      {
        field: 'detectedAt',
        value: new Date(2026, 10, 27, 12, 50).toISOString(),
        reason: 'Monitoring saw it first',
      },
      { field: 'detectedAt', value: null, reason: 'Monitoring saw it first' },
    ])
  })

  test('a manager edits the incident; only what changed is sent', async () => {
    const fetch = stubIncident('manager', {
      'GET /services': { body: listFixture() },
      'GET /people': { body: peopleListFixture() },
      'PATCH /incidents/:ref': { body: writtenIncident({ severity: 'SEV2' }) },
    })
    const { user } = renderApp('/incidents/INC-2026-0042')
    await heading()
    await user.click(screen.getByRole('button', { name: 'Edit incident' }))
    let form = screen.getByRole('form', { name: 'Edit the incident' })
    expect(within(form).getByLabelText('Title')).toHaveValue('Payroll unreachable')
    expect(within(form).queryByLabelText('Started at')).not.toBeInTheDocument()
    // The commander has left (not among the people listed) and is still the one selected.
    await waitFor(() =>
      expect(within(form).getByLabelText('Commander')).toHaveTextContent(
        'No commander yetAda LovelaceGrace HopperKatherine Johnson',
      ),
    )
    expect(within(form).getByLabelText('Commander')).toHaveDisplayValue('Grace Hopper')
    // Nothing changed: nothing is sent.
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    expect(screen.queryByRole('form', { name: 'Edit the incident' })).not.toBeInTheDocument()
    expect(writes(fetch)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Edit incident' }))
    form = screen.getByRole('form', { name: 'Edit the incident' })
    await user.selectOptions(within(form).getByLabelText('Severity'), 'SEV2 Major')
    await user.selectOptions(within(form).getByLabelText('Commander'), 'No commander yet')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Edit the incident' })).not.toBeInTheDocument(),
    )
    expect(screen.getByRole('button', { name: 'Edit incident' })).toHaveFocus()
    expect(writes(fetch).map((w) => [w.method, w.body])).toEqual([
      ['PATCH', { severity: 'SEV2', commanderPersonId: null }],
    ])
  })

  test('a manager completes the review; completing it needs the root cause', async () => {
    const review = incidentDetailFixture().review!
    const fetch = stubIncident('manager', {
      'PUT /incidents/:ref/review': {
        body: { ref: 'INC-2026-0042', review: { ...review, completedAt: NOW } },
      },
    })
    const { user } = renderApp('/incidents/INC-2026-0042')
    await heading()
    const edit = screen.getByRole('button', { name: 'Edit the review' })
    await user.click(edit)
    const form = screen.getByRole('form', { name: 'Edit the review' })
    const rootCause = within(form).getByLabelText('Root cause')
    expect(rootCause).toHaveFocus()
    expect(rootCause).toHaveValue('A config change removed the database host.')
    await user.clear(rootCause)
    await user.click(within(form).getByRole('checkbox', { name: /The review is complete/ }))
    await user.click(within(form).getByRole('button', { name: 'Save review' }))
    expect(rootCause).toHaveAccessibleDescription('A completed review names its root cause')
    expect(writes(fetch)).toEqual([])

    await user.type(rootCause, 'DNS record removed')
    await user.type(within(form).getByLabelText('Lessons'), 'Check DNS in the deploy')
    await user.click(within(form).getByRole('button', { name: 'Save review' }))
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Edit the review' })).not.toBeInTheDocument(),
    )
    expect(screen.getByRole('button', { name: 'Edit the review' })).toHaveFocus()
    expect(writes(fetch)[0]?.body).toEqual({
      rootCause: 'DNS record removed',
      contributingFactors: '',
      wentWell: 'Rollback was quick.',
      lessons: 'Check DNS in the deploy',
      completed: true,
    })
  })

  test('a manager adds a follow-up and marks one done', async () => {
    const [first] = incidentDetailFixture().actions
    const fetch = stubIncident('manager', {
      'GET /people': { body: peopleListFixture() },
      'POST /incidents/:ref/actions': {
        status: 201,
        body: { ref: 'INC-2026-0042', action: { ...first!, id: 13, title: 'Add a DNS check' } },
      },
      'PATCH /incidents/:ref/actions/:actionId': {
        body: { ref: 'INC-2026-0042', action: { ...first!, status: 'done', overdue: false } },
      },
    })
    const { user } = renderApp('/incidents/INC-2026-0042')
    await heading()
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Status of Alert on a missing database host' }),
      'Done',
    )
    await user.click(screen.getByRole('button', { name: 'Add follow-up action' }))
    const form = screen.getByRole('form', { name: 'Add a follow-up action' })
    await user.click(within(form).getByRole('button', { name: 'Add action' }))
    expect(within(form).getByLabelText('Action')).toHaveAccessibleDescription(
      'Enter what is to be done',
    )
    await user.type(within(form).getByLabelText('Action'), 'Add a DNS check')
    // Owners: the people working here, and the commander.
    await waitFor(() =>
      expect(within(form).getByLabelText('Owner')).toHaveTextContent(
        'Nobody yetAda LovelaceGrace HopperKatherine Johnson',
      ),
    )
    await user.selectOptions(within(form).getByLabelText('Owner'), 'Katherine Johnson')
    await user.type(within(form).getByLabelText('Due'), '2026-12-04')
    await user.click(within(form).getByRole('button', { name: 'Add action' }))
    await waitFor(() =>
      expect(
        screen.queryByRole('form', { name: 'Add a follow-up action' }),
      ).not.toBeInTheDocument(),
    )
    expect(writes(fetch).map((w) => [w.method, w.url.pathname, w.body])).toEqual([
      ['PATCH', '/api/v1/incidents/INC-2026-0042/actions/11', { status: 'done' }],
      [
        'POST',
        '/api/v1/incidents/INC-2026-0042/actions',
        { title: 'Add a DNS check', ownerPersonId: 12, dueOn: '2026-12-04' },
      ],
    ])
  })

  test('an unknown ref says so; a failure retries', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /incidents/:ref': [
        {
          status: 503,
          body: {
            error: { code: 'database_unavailable', message: 'The database is not answering' },
          },
        },
        {
          status: 404,
          body: { error: { code: 'incident_not_found', message: 'No such incident' } },
        },
      ],
    })
    const { user } = renderApp('/incidents/INC-2026-9999')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load this incident')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Incident not found' }),
    ).toBeInTheDocument()
  })
})

function toLocal(iso: string) {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
