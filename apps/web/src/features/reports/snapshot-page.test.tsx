import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requestedUrls, stubApi } from '../../testing/render-app.tsx'
import { snapshotFixture } from '../../testing/report-fixture.ts'

describe('Snapshot page', { timeout: 20_000 }, () => {
  afterEach(() => vi.restoreAllMocks())

  test('the frozen report with who froze it, its CSV links, and Print when the PDF cannot be made', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const fetch = stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots/:id': { body: snapshotFixture(41) },
      'GET /reports/snapshots/:id/pdf': {
        status: 503,
        body: {
          error: {
            code: 'pdf_unavailable',
            message: 'PDF export needs Chromium, which this server does not have.',
          },
        },
      },
    })
    const { user } = renderApp('/reports/snapshots/41')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'IT report — November 2026' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/^Frozen by Mo Manager on/)).toBeInTheDocument()
    // Said once, in the report's header.
    expect(screen.getAllByText(/data up to/i)).toHaveLength(1)
    expect(screen.getByText(/data up to/i)).toHaveTextContent(/Data up to 3 Dec 2026/)
    expect(screen.getByRole('link', { name: 'All figures (CSV)' })).toHaveAttribute(
      'href',
      '/api/v1/reports/snapshots/41/csv?table=figures',
    )
    expect(screen.getByRole('link', { name: 'Availability by tier as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/reports/snapshots/41/csv?table=services.tiers',
    )
    const tier1 = screen.getByRole('article', { name: 'Tier 1 availability' })
    expect(within(tier1).getByText('99.96%')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Download PDF' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'PDF export needs Chromium, which this server does not have. Use Print instead',
    )
    expect(requestedUrls(fetch, '/reports/snapshots/41/pdf')).toHaveLength(1)
    // Styled as the app's quiet button, not the browser's bare one.
    expect(screen.getByRole('button', { name: 'Print' })).toHaveClass('button', 'button-quiet')
    await user.click(screen.getByRole('button', { name: 'Print' }))
    expect(print).toHaveBeenCalledOnce()
  })

  test('a manager shares it by link', async () => {
    stubApi({
      'GET /auth/me': signedIn('manager'),
      'GET /reports/snapshots/:id': { body: snapshotFixture(41) },
      'GET /reports/snapshots/:id/share-links': { body: { links: [] } },
    })
    renderApp('/reports/snapshots/41')
    expect(await screen.findByRole('heading', { name: 'Share links' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '← Archive' })).toHaveAttribute(
      'href',
      '/reports/snapshots',
    )
  })

  test('a viewer sees no share links', async () => {
    const fetch = stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots/:id': { body: snapshotFixture(41) },
    })
    renderApp('/reports/snapshots/41')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'IT report — November 2026' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Share links' })).not.toBeInTheDocument()
    expect(requestedUrls(fetch, '/share-links')).toHaveLength(0)
  })

  test('a snapshot that does not exist says so', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /reports/snapshots/:id': {
        status: 404,
        body: { error: { code: 'snapshot_not_found', message: 'No report snapshot 99' } },
      },
    })
    renderApp('/reports/snapshots/99')
    expect(await screen.findByRole('alert')).toHaveTextContent('No report snapshot 99')
  })
})
