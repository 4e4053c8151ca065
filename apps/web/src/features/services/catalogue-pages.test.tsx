import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requests, stubApi, type Reply } from '../../testing/render-app.tsx'
import { configFixture } from '../../testing/service-config-fixture.ts'
import { dailyFixture, detailFixture, seriesFixture } from '../../testing/service-detail-fixture.ts'
import { businessFixture, listFixture } from '../../testing/services-fixture.ts'

type Role = Parameters<typeof signedIn>[0]

const stubPages = (role: Role, more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /services': { body: listFixture() },
    'GET /business-services': { body: businessFixture() },
    'GET /services/:slug': { body: detailFixture() },
    'GET /services/:slug/series': { body: seriesFixture() },
    'GET /services/:slug/daily': { body: dailyFixture() },
    ...more,
  })
const writes = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method !== 'GET')
const listed = () => screen.findByRole('table', { name: /^Services, sorted by/ })
const archived = detailFixture({
  service: { ...detailFixture().service, archivedAt: '2026-11-27T13:00:00.000Z' },
})

describe('Adding, archiving and restoring services', { timeout: 30_000 }, () => {
  test('a manager adds a service: a taken slug is shown beside it, success opens the service', async () => {
    const slugTaken = {
      status: 409,
      body: {
        error: {
          code: 'slug_taken',
          message: 'A service has this slug',
          details: [{ path: 'json.slug', message: 'is taken by another service' }],
        },
      },
    }
    const fetch = stubPages('manager', {
      'POST /services': [slugTaken, { status: 201, body: configFixture() }],
    })
    const { router, user } = renderApp('/services')
    await listed()
    await user.click(screen.getByRole('button', { name: 'Add service' }))
    const form = screen.getByRole('form', { name: 'Add a service' })
    await user.type(within(form).getByLabelText('Name'), 'VPN gateway')
    const slug = within(form).getByLabelText('Slug')
    await user.type(slug, 'payroll')
    await user.selectOptions(within(form).getByLabelText('Tier'), 'Tier 2')
    await user.selectOptions(within(form).getByLabelText('Owner team'), 'infrastructure-cloud')
    const slo = within(form).getByLabelText('SLO target (%)')
    await user.clear(slo)
    await user.type(slo, '100')
    await user.type(within(form).getByLabelText('Tags'), 'network, remote')
    await user.click(within(form).getByRole('button', { name: 'Add service' }))

    // 100% is refused here, in percent, before asking the API.
    await waitFor(() => expect(slo).toHaveFocus())
    expect(slo).toHaveAccessibleDescription(/Enter a percentage above 0 and below 100/)
    expect(writes(fetch)).toEqual([])
    await user.clear(slo)
    await user.type(slo, '99.95')
    await user.click(within(form).getByRole('button', { name: 'Add service' }))

    await waitFor(() => expect(slug).toHaveFocus())
    expect(slug).toBeInvalid()
    expect(slug).toHaveAccessibleDescription(/Is taken by another service$/)
    expect(slo).toBeValid()
    await user.clear(slug)
    await user.type(slug, 'vpn')
    await user.click(within(form).getByRole('button', { name: 'Add service' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/services/vpn'))
    const [, created] = writes(fetch)
    expect(created?.body).toEqual({
      slug: 'vpn',
      name: 'VPN gateway',
      tier: 2,
      sloTarget: 0.9995,
      sloWindowDays: 30,
      ownerTeam: 'infrastructure-cloud',
      tags: ['network', 'remote'],
      runbookUrl: null,
      dashboardUrl: null,
      check: {
        mode: 'push',
        kind: 'http',
        enabled: true,
        url: null,
        method: 'GET',
        expectedStatuses: [200],
        keyword: null,
        host: null,
        port: null,
        intervalSeconds: 60,
        timeoutMs: 10000,
        degradedLatencyMs: 2000,
      },
    })
  })

  test('Escape cancels the form and gives focus back, sending nothing', async () => {
    const fetch = stubPages('admin')
    const { user } = renderApp('/services')
    await listed()
    await user.click(screen.getByRole('button', { name: 'Add service' }))
    await user.type(screen.getByLabelText('Name'), 'Half-typed{Escape}')
    expect(screen.queryByRole('form', { name: 'Add a service' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add service' })).toHaveFocus()
    expect(writes(fetch)).toEqual([])
  })

  test('a viewer sees no Add service button', async () => {
    stubPages('viewer')
    renderApp('/services')
    await listed()
    expect(screen.queryByRole('button', { name: 'Add service' })).not.toBeInTheDocument()
  })

  test('archived services are shown from the list, the choice kept in the URL', async () => {
    const fetch = stubPages('viewer')
    const { router, user } = renderApp('/services')
    await listed()
    await user.selectOptions(screen.getByLabelText('Archived'), 'Shown too')
    await waitFor(() => expect(router.state.location.search).toBe('?archived=true'))
    const asked = requests(fetch).filter((r) => r.url.pathname === '/api/v1/services')
    await waitFor(() => expect(asked.at(-1)?.url.searchParams.get('archived')).toBe('true'))
  })

  test('a manager archives after confirming; a refusal shows the API’s reason', async () => {
    const inUse = {
      status: 409,
      body: {
        error: {
          code: 'service_in_use',
          message: 'A component of business services that are not archived: Pay staff',
        },
      },
    }
    const fetch = stubPages('manager', {
      'GET /services/:slug': [{ body: detailFixture() }, { body: archived }],
      'POST /services/:slug/archive': [
        inUse,
        { body: configFixture({ archivedAt: '2026-11-27T13:00:00.000Z' }) },
      ],
    })
    const { user } = renderApp('/services/payroll')
    await screen.findByRole('heading', { level: 1, name: 'Payroll' })
    await user.click(screen.getByRole('button', { name: 'Archive service' }))
    const confirm = screen.getByRole('group', { name: /^Archive Payroll\?/ })
    expect(confirm).toHaveAccessibleName(/history is kept.*leaves the Services list/)
    await user.click(within(confirm).getByRole('button', { name: 'Archive' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Not archived: A component of business services that are not archived: Pay staff',
    )
    await waitFor(() => expect(alert).toHaveFocus())

    await user.click(screen.getByRole('button', { name: 'Archive service' }))
    // Escape on the question cancels it without archiving.
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('group', { name: /^Archive Payroll\?/ })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Archive service' }))
    await user.click(screen.getByRole('button', { name: 'Archive' }))
    const banner = await screen.findByRole('region', { name: 'Archived' })
    expect(banner).toHaveTextContent(/Archived on .* Its history is kept/)
    await waitFor(() => expect(banner).toHaveFocus())
    expect(screen.queryByRole('button', { name: 'Archive service' })).not.toBeInTheDocument()
    expect(writes(fetch).map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /api/v1/services/payroll/archive',
      'POST /api/v1/services/payroll/archive',
    ])
  })

  test('an archived service says so, and a manager restores it', async () => {
    const fetch = stubPages('manager', {
      'GET /services/:slug': [{ body: archived }, { body: detailFixture() }],
      'POST /services/:slug/restore': { body: configFixture() },
    })
    const { user } = renderApp('/services/payroll')
    const banner = await screen.findByRole('region', { name: 'Archived' })
    await user.click(within(banner).getByRole('button', { name: 'Restore' }))
    expect(
      await screen.findByText('Payroll restored: it is checked again and listed.'),
    ).toHaveFocus()
    expect(screen.queryByRole('region', { name: 'Archived' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Archive service' })).toBeInTheDocument()
    expect(writes(fetch).map((r) => r.url.pathname)).toEqual(['/api/v1/services/payroll/restore'])
  })

  test('a viewer reads the Archived banner without Restore, and has no Archive', async () => {
    stubPages('viewer', { 'GET /services/:slug': { body: archived } })
    renderApp('/services/payroll')
    const banner = await screen.findByRole('region', { name: 'Archived' })
    expect(within(banner).queryByRole('button')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Archive service' })).not.toBeInTheDocument()
  })
})
