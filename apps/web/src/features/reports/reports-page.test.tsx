import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requestedUrls, requests, stubApi } from '../../testing/render-app.tsx'
import { reportFixture, snapshotFixture } from '../../testing/report-fixture.ts'

const paramsOf = (url: URL | undefined) => Object.fromEntries(url?.searchParams ?? [])
const report = () => screen.findByRole('article', { name: 'IT report — November 2026' })

describe('Reports page', { timeout: 20_000 }, () => {
  // Only the clock's date: the default period is the last whole month before "today".
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-03T10:00:00Z'))
  })
  afterEach(() => vi.useRealTimers())

  test('a viewer sees last month’s figures with their change and target, and cannot freeze', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/preview': { body: reportFixture() },
    })
    renderApp('/reports')
    await report()
    expect(requestedUrls(fetch, '/reports/preview').map(paramsOf)).toEqual([
      { period: 'month', day: '2026-11-01' },
    ])
    const tier1 = screen.getByRole('article', { name: 'Tier 1 availability' })
    expect(within(tier1).getByText('99.96%')).toBeInTheDocument()
    expect(within(tier1).getByText(/0\.03 pts vs October 2026/)).toHaveTextContent(
      '▼ Down 0.03 pts vs October 2026 (worse)',
    )
    expect(within(tier1).getByText(/Target: at least 99\.90%/)).toHaveTextContent('✓ Met')
    const budgets = screen.getByRole('article', { name: 'Error budgets exhausted' })
    expect(within(budgets).getByText(/Target: at most 0/)).toHaveTextContent('✗ Missed')
    const eac = screen.getByRole('article', { name: 'Forecast cost (EAC)' })
    expect(within(eac).getByText('£7.6m')).toBeInTheDocument()
    expect(within(eac).getByText(/vs October 2026/)).toHaveTextContent('▲ Up £69.9k (+1%)')
    // The sparkline's words, for those who cannot see it.
    expect(within(tier1).getByRole('img')).toHaveAccessibleName(
      /^Tier 1 availability by period: June 2026 99\.97%, .* November 2026 99\.96%$/,
    )
    const tiers = screen.getByRole('table', { name: 'Availability by tier' })
    expect(within(tiers).getByRole('row', { name: '1 99.96% 2' })).toBeInTheDocument()
    // The live preview has no CSV: only a frozen report does.
    expect(screen.queryByRole('link', { name: /as CSV/ })).not.toBeInTheDocument()
    expect(screen.getByText('No project changed colour')).toBeInTheDocument()
    expect(screen.getByRole('term')).toHaveTextContent('Uptime')
    expect(screen.queryByRole('button', { name: 'Freeze report' })).not.toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Summary' })).not.toBeInTheDocument()
  })

  test('the period lives in the URL; a period not begun says why', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/preview': [
        { body: reportFixture() },
        {
          status: 422,
          body: {
            error: {
              code: 'period_not_started',
              message: 'Q1 2027 has not begun: it starts on 2027-01-01',
            },
          },
        },
      ],
    })
    const { user, router } = renderApp('/reports?range=7d')
    await report()
    // The report has its own period: the global range is not offered nor carried on.
    expect(screen.getByRole('link', { name: 'Overview' })).toHaveAttribute('href', '/')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'quarter')
    expect(router.state.location.search).toBe('?range=7d&period=quarter')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Q1 2027 has not begun: it starts on 2027-01-01',
    )
    expect(requestedUrls(fetch, '/reports/preview').map(paramsOf).at(-1)).toEqual({
      period: 'quarter',
      day: '2026-07-01',
    })
    expect(screen.getByLabelText('Day in the period')).toHaveValue('2026-07-01')
    // Asking again would not help: no Retry, and not a failed load.
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument()
  })

  test('a custom span the API refuses is said beside the days, in the picker’s words, without Retry', async () => {
    const message = 'a custom period may span at most 366 days'
    stubApi({
      'GET /auth/me': signedIn('manager'),
      'GET /reports/preview': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: `Invalid request: query.to: ${message}`,
            details: [{ path: 'query.to', message }],
          },
        },
      },
    })
    renderApp('/reports?period=custom&from=2020-01-01&to=2026-11-01')
    const notice = await screen.findByRole('alert')
    expect(notice).toHaveTextContent(`To: ${message}`)
    expect(notice).not.toHaveTextContent('query.to')
    expect(within(screen.getByRole('group', { name: 'Report period' })).getByRole('alert')).toBe(
      notice,
    )
    const to = screen.getByLabelText('To')
    expect(to).toBeInvalid()
    expect(to).toHaveAccessibleDescription(`To: ${message}`)
    expect(to).toHaveAttribute('min', '2020-01-01')
    expect(to).toHaveAttribute('max', '2026-12-03')
    expect(screen.getByLabelText('From')).not.toBeInvalid()
    expect(screen.getByLabelText('From')).toHaveAttribute('max', '2026-11-01')
    expect(screen.queryByRole('heading', { name: 'Could not prepare the report' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Summary' })).not.toBeInTheDocument()
  })

  test('a month not begun: the API’s message under the day, which cannot be set past today', async () => {
    const message = 'January 2027 has not begun: it starts on 2027-01-01'
    const fetch = stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/preview': {
        status: 422,
        body: {
          error: {
            code: 'period_not_started',
            message,
            details: [{ path: 'query.day', message }],
          },
        },
      },
    })
    renderApp('/reports?period=month&day=2027-01-15')
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    const day = screen.getByLabelText('Day in the period')
    expect(day).toBeInvalid()
    expect(day).toHaveAccessibleDescription(`Any day in the month to report on. ${message}`)
    expect(day).toHaveAttribute('max', '2026-12-03')
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument()
    expect(requestedUrls(fetch, '/reports/preview')).toHaveLength(1)
  })

  test('a server failure is still a failed load, with Retry', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/preview': [
        {
          status: 500,
          body: { error: { code: 'internal', message: 'Something went wrong on our side' } },
        },
        { body: reportFixture() },
      ],
    })
    const { user } = renderApp('/reports')
    const failed = await screen.findByRole('alert')
    expect(failed).toHaveTextContent('Could not prepare the report')
    expect(screen.getByLabelText('Day in the period')).not.toBeInvalid()
    await user.click(within(failed).getByRole('button', { name: 'Retry' }))
    await report()
    expect(requestedUrls(fetch, '/reports/preview')).toHaveLength(2)
  })

  test('a manager edits the summary and freezes it, then sees the snapshot', async () => {
    const frozen = snapshotFixture(41)
    const fetch = stubApi({
      'GET /auth/me': signedIn('manager'),
      'GET /reports/preview': { body: reportFixture() },
      'POST /reports/snapshots': { status: 201, body: frozen },
      'GET /reports/snapshots/:id': { body: frozen },
    })
    const { user, router } = renderApp('/reports?period=month&day=2026-11-12')
    await report()
    const summary = screen.getByRole('textbox', { name: 'Summary' })
    await user.clear(summary)
    await user.type(summary, 'A steady month for the services.')
    // The editor's small buttons wear the app's quiet style, not the browser's bare one.
    expect(screen.getByRole('button', { name: 'Remove risk 1' })).toHaveClass(
      'button',
      'button-small',
      'button-quiet',
    )
    await user.click(screen.getByRole('button', { name: 'Remove risk 1' }))
    await user.click(screen.getByRole('button', { name: 'Add a highlight' }))
    await user.type(screen.getByRole('textbox', { name: 'Highlight 2' }), 'MTTR fell by 40%.')
    // The preview shows the edit as it is typed.
    const preview = screen.getByRole('region', { name: 'Executive summary' })
    expect(within(preview).getByText('A steady month for the services.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Freeze report' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports/snapshots/41'))
    const post = requests(fetch).find((r) => r.method === 'POST')
    expect(post?.body).toEqual({
      period: 'month',
      day: '2026-11-12',
      summary: {
        text: 'A steady month for the services.',
        highlights: ['Tier 1 availability met its target at 99.96%.', 'MTTR fell by 40%.'],
        risks: [],
      },
    })
    expect(await screen.findByText(/Frozen by Mo Manager/)).toBeInTheDocument()
  })

  test('an emptied summary is not frozen; the manager is told why', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn('manager'),
      'GET /reports/preview': { body: reportFixture() },
    })
    const { user } = renderApp('/reports')
    await report()
    await user.clear(screen.getByRole('textbox', { name: 'Summary' }))
    await user.click(screen.getByRole('button', { name: 'Freeze report' }))
    expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveAccessibleDescription(
      /Write a summary, or undo your edits/,
    )
    expect(requests(fetch).some((r) => r.method === 'POST')).toBe(false)
    await user.click(screen.getByRole('button', { name: 'Undo my edits' }))
    expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveValue(
      reportFixture().summary.text,
    )
  })

  test('unedited, the freeze sends the period only; a refusal is shown', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn('admin'),
      'GET /reports/preview': { body: reportFixture() },
      'POST /reports/snapshots': {
        status: 403,
        body: { error: { code: 'forbidden', message: 'Your role cannot freeze reports' } },
      },
    })
    const { user, router } = renderApp('/reports?period=week')
    await report()
    await user.click(screen.getByRole('button', { name: 'Freeze report' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role cannot freeze reports')
    expect(requests(fetch).find((r) => r.method === 'POST')?.body).toEqual({
      period: 'week',
      day: '2026-11-26',
    })
    expect(router.state.location.pathname).toBe('/reports')
  })
})
