import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requests, stubApi, type Reply } from '../../testing/render-app.tsx'
import { settingsFixture } from '../../testing/settings-fixture.ts'
import type { Delivery, Schedule } from './schedule-queries.ts'

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  id: 4,
  name: 'Board pack',
  periodKind: 'month',
  runAtLocal: '08:00',
  emailTo: ['board@example.org', 'cio@example.org'],
  webhookUrl: 'https://chat.example.org/…',
  shareDays: 30,
  enabled: true,
  // 08:00 in New York, the organisation's zone: the reader's zone does not matter.
  nextRunAt: '2027-01-04T13:00:00.000Z',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  ...over,
})
const delivery = (over: Partial<Delivery> = {}): Delivery => ({
  id: 11,
  runFor: '2026-12-01T13:00:00.000Z',
  channel: 'email',
  status: 'sent',
  attempts: 1,
  nextAttemptAt: '2026-12-01T13:00:00.000Z',
  lastError: null,
  sentAt: '2026-12-01T13:00:04.000Z',
  snapshotId: 41,
  createdAt: '2026-12-01T13:00:00.000Z',
  ...over,
})

type Role = Parameters<typeof signedIn>[0]
const stubPage = (role: Role, more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /settings': { body: { settings: settingsFixture({ timezone: 'America/New_York' }) } },
    'GET /reports/schedules': { body: { schedules: [schedule()] } },
    ...more,
  })
const table = () => screen.findByRole('table', { name: 'Report schedules' })
const sent = (fetch: ReturnType<typeof stubApi>, method: string) =>
  requests(fetch).filter((r) => r.method === method)

describe('Report schedules', { timeout: 20_000 }, () => {
  test('a viewer sees the schedules and their delivery log, and nothing to change', async () => {
    stubPage('viewer', {
      'GET /reports/schedules/:id/deliveries': {
        body: {
          deliveries: [
            delivery({
              id: 12,
              channel: 'webhook',
              status: 'pending',
              attempts: 2,
              lastError: 'the webhook did not answer within 10 s',
              sentAt: null,
              nextAttemptAt: '2026-12-01T13:10:00.000Z',
            }),
            delivery(),
          ],
        },
      },
    })
    const { user } = renderApp('/reports/schedules')
    const row = within(await table()).getByRole('row', { name: /^Board pack/ })
    expect([...row.children].map((c) => c.textContent)).toEqual([
      'Board pack',
      'Monthly, 08:00 on the first working day',
      'Mon, 4 Jan 2027, 08:00',
      '2 email addresses, webhook',
      'Enabled',
      'Show log',
    ])
    expect(screen.getByText(/Times are in America\/New_York/)).toBeInTheDocument()
    for (const name of ['Add schedule', /^Edit/, /^Delete/, /^Disable/])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument()

    // The accessible name starts with the words shown (WCAG 2.5.3: label in name).
    await user.click(screen.getByRole('button', { name: 'Show log of Board pack' }))
    expect(screen.getByRole('button', { name: 'Hide log of Board pack' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    const log = await screen.findByRole('table', { name: 'Deliveries of Board pack, newest first' })
    const rows = within(log).getAllByRole('row').slice(1)
    expect([...rows[0]!.children].map((c) => c.textContent)).toEqual([
      'Tue, 1 Dec 2026, 08:00',
      'Webhook',
      'Pending',
      '2',
      'the webhook did not answer within 10 s',
      'Not yet',
      'Tue, 1 Dec 2026, 08:10',
      'Open report',
    ])
    expect(rows[1]).toHaveTextContent('EmailSent1NoneTue, 1 Dec 2026, 08:00')
    expect(within(rows[1]!).getByRole('link', { name: 'Open report' })).toHaveAttribute(
      'href',
      '/reports/snapshots/41',
    )
  })

  test('with none yet, the empty state is the heading after the page’s h1 (no level skipped)', async () => {
    stubPage('manager', { 'GET /reports/schedules': { body: { schedules: [] } } })
    renderApp('/reports/schedules')
    const empty = await screen.findByRole('heading', { name: 'No schedules yet' })
    expect(empty.tagName).toBe('H2')
    expect(screen.getByText(/Add one to have the monthly pack frozen/)).toBeInTheDocument()
  })

  test('a manager adds a schedule; the API’s refusal of an address shows beside the addresses', async () => {
    const fetch = stubPage('manager', {
      'POST /reports/schedules': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Invalid request: json.emailTo.1: must be an email address',
            details: [{ path: 'json.emailTo.1', message: 'must be an email address' }],
          },
        },
      },
    })
    const { user } = renderApp('/reports/schedules')
    await table()
    await user.click(screen.getByRole('button', { name: 'Add schedule' }))
    const form = screen.getByRole('form', { name: 'Add a schedule' })
    const emails = within(form).getByLabelText('Email to')
    // Nowhere to send it: refused here first.
    await user.click(within(form).getByRole('button', { name: 'Add schedule' }))
    expect(emails).toHaveAccessibleDescription(/Send it somewhere/)
    expect(sent(fetch, 'POST')).toHaveLength(0)

    await user.type(emails, 'board@example.org{Enter}ops@localhost')
    await user.selectOptions(within(form).getByLabelText('Period'), 'Quarterly')
    await user.click(within(form).getByRole('button', { name: 'Add schedule' }))
    await waitFor(() =>
      expect(emails).toHaveAccessibleDescription(
        'One address a line; at most 20 “ops@localhost” must be an email address',
      ),
    )
    expect(emails).toHaveFocus()
    expect(sent(fetch, 'POST')[0]?.body).toEqual({
      name: 'Monthly pack',
      periodKind: 'quarter',
      runAtLocal: '08:00',
      emailTo: ['board@example.org', 'ops@localhost'],
      webhookUrl: null,
      shareDays: 30,
      enabled: true,
    })
  })

  test('a manager disables a schedule, edits only what changed, and deletes after asking', async () => {
    const fetch = stubPage('manager', {
      'GET /reports/schedules': [
        { body: { schedules: [schedule()] } },
        { body: { schedules: [schedule({ enabled: false })] } },
      ],
      'PATCH /reports/schedules/:id': { body: schedule({ enabled: false }) },
      'DELETE /reports/schedules/:id': { status: 204 },
    })
    const { user } = renderApp('/reports/schedules')
    await table()
    await user.click(screen.getByRole('button', { name: 'Disable Board pack' }))
    expect(await screen.findByRole('button', { name: 'Enable Board pack' })).toBeInTheDocument()
    expect(screen.getByRole('row', { name: /^Board pack/ })).toHaveTextContent('Paused')

    await user.click(screen.getByRole('button', { name: 'Edit the schedule Board pack' }))
    const form = screen.getByRole('form', { name: 'Edit Board pack' })
    await user.clear(within(form).getByLabelText('Runs at'))
    await user.type(within(form).getByLabelText('Runs at'), '07:30')
    await user.click(within(form).getByRole('button', { name: 'Save schedule' }))
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument())
    expect(sent(fetch, 'PATCH').map((r) => r.body)).toEqual([
      { enabled: false },
      { runAtLocal: '07:30' },
    ])

    await user.click(screen.getByRole('button', { name: 'Delete the schedule Board pack' }))
    const ask = screen.getByRole('group', { name: 'Delete the schedule Board pack?' })
    await user.click(within(ask).getByRole('button', { name: 'Delete schedule' }))
    await waitFor(() => expect(sent(fetch, 'DELETE')).toHaveLength(1))
    expect(sent(fetch, 'DELETE')[0]?.url.pathname).toBe('/api/v1/reports/schedules/4')
  })
})
