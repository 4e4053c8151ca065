import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requests, stubApi } from '../../testing/render-app.tsx'
import { tokensFixture } from '../../testing/admin-fixture.ts'

const SECRET = 'odk_3q2+7w_example-secret-value'

test('lists the tokens with scopes, creator, last use and status', async () => {
  stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /tokens': { body: { tokens: tokensFixture() } },
  })
  renderApp('/admin/tokens')
  const prober = await screen.findByRole('row', { name: /uptime prober/ })
  expect(within(prober).getByText('ingest')).toBeInTheDocument()
  expect(within(prober).getByText('ada@example.org')).toBeInTheDocument()
  expect(within(prober).getByText('Active')).toBeInTheDocument()
  const old = screen.getByRole('row', { name: /old BI export/ })
  expect(within(old).getByText('Never')).toBeInTheDocument()
  expect(within(old).getByText('Revoked 10 Nov 2026')).toBeInTheDocument()
  expect(within(old).queryByRole('button', { name: /Revoke/ })).toBeNull()
})

test('says when a demoted creator has narrowed or stopped a token', async () => {
  stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /tokens': { body: { tokens: tokensFixture() } },
  })
  renderApp('/admin/tokens')
  const narrowed = await screen.findByRole('row', { name: /ops report/ })
  expect(within(narrowed).getByText('Only read: creator is now a viewer')).toBeInTheDocument()
  const stopped = screen.getByRole('row', { name: /old prober/ })
  expect(within(stopped).getByText('Stopped: creator is now a manager')).toBeInTheDocument()
  // Stopped by the creator's role, not revoked: it can still be revoked.
  expect(within(stopped).getByRole('button', { name: 'Revoke old prober' })).toBeInTheDocument()
})

test('a new token is shown once, can be copied, and is gone after', async () => {
  const created = { id: 12, name: 'grafana', scopes: ['read'], token: SECRET }
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /tokens': { body: { tokens: tokensFixture() } },
    'POST /tokens': { status: 201, body: created },
  })
  const { user, client } = renderApp('/admin/tokens')
  await user.click(await screen.findByRole('button', { name: 'Create token' }))
  const form = screen.getByRole('form', { name: 'Create an API token' })
  await user.type(within(form).getByLabelText('Name'), 'grafana')
  expect(within(form).getByRole('checkbox', { name: /read/ })).toBeChecked()
  await user.click(within(form).getByRole('button', { name: 'Create token' }))

  const reveal = await screen.findByRole('region', { name: 'Token “grafana” created' })
  expect(reveal).toHaveTextContent('This is the only time the token is shown')
  expect(within(reveal).getByLabelText('API token')).toHaveValue(SECRET)
  expect(within(reveal).getByRole('heading')).toHaveFocus()
  await user.click(within(reveal).getByRole('button', { name: 'Copy' }))
  expect(await navigator.clipboard.readText()).toBe(SECRET)
  expect(within(reveal).getByRole('status')).toHaveTextContent('Copied to the clipboard.')
  expect(requests(fetch).find((r) => r.method === 'POST')?.body).toEqual({
    name: 'grafana',
    scopes: ['read'],
  })

  await user.click(within(reveal).getByRole('button', { name: 'I have copied it' }))
  expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument()
  expect(screen.queryByText(/only time the token is shown/)).not.toBeInTheDocument()
  // The secret is not kept anywhere the app could show it again.
  expect(
    JSON.stringify(
      client
        .getQueryCache()
        .getAll()
        .map((q) => q.state.data),
    ),
  ).not.toContain(SECRET)
  expect(client.getMutationCache().getAll()).toHaveLength(0)
})

test('a token needs at least one scope', async () => {
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /tokens': { body: { tokens: [] } },
  })
  const { user } = renderApp('/admin/tokens')
  expect(await screen.findByText('No API tokens yet')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Create token' }))
  await user.type(screen.getByLabelText('Name'), 'nothing')
  await user.click(screen.getByRole('checkbox', { name: /read/ }))
  await user.click(screen.getByRole('button', { name: 'Create token' }))
  expect(screen.getByText('Choose at least one scope')).toBeInTheDocument()
  expect(requests(fetch).some((r) => r.method === 'POST')).toBe(false)
})

test('revoking asks first, then deletes and refreshes', async () => {
  const revoked = tokensFixture().map((t) =>
    t.id === 10 ? { ...t, revokedAt: '2026-11-27T13:00:00.000Z' } : t,
  )
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /tokens': [{ body: { tokens: tokensFixture() } }, { body: { tokens: revoked } }],
    'DELETE /tokens/:id': { status: 204 },
  })
  const { user } = renderApp('/admin/tokens')
  await user.click(await screen.findByRole('button', { name: 'Revoke uptime prober' }))
  const ask = screen.getByRole('group', { name: /Anything using it stops working/ })
  await user.click(within(ask).getByRole('button', { name: 'Revoke' }))
  expect(await screen.findByText('Revoked 27 Nov 2026')).toBeInTheDocument()
  const del = requests(fetch).find((r) => r.method === 'DELETE')
  expect(del?.url.pathname).toBe('/api/v1/tokens/10')
})
