import { screen } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { renderApp, requestedUrls, requests, stubApi } from '../../testing/render-app.tsx'
import { sharedFixture } from '../../testing/report-fixture.ts'

const TOKEN = 'tok_abc123'

describe('Shared report page', { timeout: 20_000 }, () => {
  afterEach(() => vi.restoreAllMocks())

  test('opens without a session: the report, its CSV through the link, when it expires, no app', async () => {
    const fetch = stubApi({ 'GET /shared/:token': { body: sharedFixture() } })
    const { router } = renderApp(`/shared/${TOKEN}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'IT report — November 2026' }),
    ).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(`/shared/${TOKEN}`)
    // Never asked who is signed in, and nothing of the app around it.
    expect(requests(fetch).map((r) => r.url.pathname)).toEqual([`/api/v1/shared/${TOKEN}`])
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument()
    expect(screen.getByText(/This link expires on 2 Jan 2027/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Availability by tier as CSV' })).toHaveAttribute(
      'href',
      `/api/v1/shared/${TOKEN}/csv?table=services.tiers`,
    )
    expect(screen.getByRole('link', { name: 'All figures (CSV)' })).toHaveAttribute(
      'href',
      `/api/v1/shared/${TOKEN}/csv?table=figures`,
    )
  })

  test('the PDF through the link, and Print when the server cannot make it; data up to said once', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const fetch = stubApi({
      'GET /shared/:token': { body: sharedFixture() },
      'GET /shared/:token/pdf': {
        status: 503,
        body: {
          error: {
            code: 'pdf_unavailable',
            message: 'PDF export needs Chromium, which this server does not have.',
          },
        },
      },
    })
    const { user } = renderApp(`/shared/${TOKEN}`)
    await screen.findByRole('heading', { level: 1, name: 'IT report — November 2026' })
    expect(screen.getByText(/^Frozen on/)).toBeInTheDocument()
    expect(screen.getAllByText(/data up to/i)).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Download PDF' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'PDF export needs Chromium, which this server does not have. Use Print instead',
    )
    expect(requestedUrls(fetch, `/shared/${TOKEN}/pdf`)).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Print' }))
    expect(print).toHaveBeenCalledOnce()
  })

  test('an expired or revoked link shows the API’s message', async () => {
    const message = 'This report link expired on 2026-11-30: ask its owner for a new one'
    stubApi({
      'GET /shared/:token': { status: 410, body: { error: { code: 'share_link_gone', message } } },
    })
    renderApp(`/shared/${TOKEN}`)
    expect(
      await screen.findByRole('heading', { name: 'This link no longer opens the report' }),
    ).toBeInTheDocument()
    expect(screen.getByText(message)).toBeInTheDocument()
  })

  test('an unknown link says no report is shared there', async () => {
    stubApi({
      'GET /shared/:token': {
        status: 404,
        body: {
          error: { code: 'share_link_not_found', message: 'No report is shared at this link' },
        },
      },
    })
    renderApp(`/shared/${TOKEN}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No report is shared at this link' }),
    ).toBeInTheDocument()
  })
})
