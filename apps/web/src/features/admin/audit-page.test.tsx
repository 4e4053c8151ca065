import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requestedUrls, stubApi } from '../../testing/render-app.tsx'
import { auditEntry, usersFixture } from '../../testing/admin-fixture.ts'

const api = (audit: unknown[]) =>
  stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': { body: { users: usersFixture() } },
    'GET /audit': audit.map((body) => ({ body })),
  })

test('shows who changed what, readably', async () => {
  api([
    {
      entries: [
        auditEntry(3),
        auditEntry(2, {
          actor: { type: 'token', id: 10, name: 'uptime prober' },
          entity: 'token',
          entityId: '10',
          action: 'revoke',
          changes: { revokedAt: { from: null, to: '2026-11-27T09:00:00.000Z' } },
        }),
        auditEntry(1, { actor: { type: 'system' }, action: 'create', changes: {} }),
      ],
      nextBefore: null,
    },
  ])
  renderApp('/admin/audit')
  const table = await screen.findByRole('table', { name: /Audit log entries/ })
  const [, first, second, third] = within(table).getAllByRole('row')
  expect(first).toHaveTextContent('ada@example.org')
  expect(first).toHaveTextContent('user #2')
  expect(first).toHaveTextContent('role: viewer → manager')
  expect(second).toHaveTextContent('API token “uptime prober”')
  expect(second).toHaveTextContent(/revokedAt: 27 Nov 2026/)
  expect(third).toHaveTextContent('opsdeck (system)')
  expect(screen.getByRole('status')).toHaveTextContent('3 entries shown, all of them')
})

test('filters write the URL and the API query', async () => {
  const fetch = api([{ entries: [auditEntry(1)], nextBefore: null }])
  const { user, router } = renderApp('/admin/audit')
  const form = await screen.findByRole('form', { name: 'Filter the audit log' })
  await user.type(within(form).getByLabelText('Entity'), 'user')
  await user.type(within(form).getByLabelText('Action'), 'update')
  await user.selectOptions(within(form).getByLabelText('Actor'), 'ada@example.org')
  await user.type(within(form).getByLabelText('From'), '2026-11-01')
  await user.click(within(form).getByRole('button', { name: 'Apply' }))

  expect(router.state.location.search).toBe('?entity=user&action=update&actor=1&from=2026-11-01')
  await waitFor(() => expect(requestedUrls(fetch, '/audit')).toHaveLength(2))
  const query = requestedUrls(fetch, '/audit')[1]?.searchParams
  expect(query?.get('entity')).toBe('user')
  expect(query?.get('action')).toBe('update')
  expect(query?.get('actorUserId')).toBe('1')
  expect(new Date(query?.get('from') ?? '').getDate()).toBe(1)

  // Clear empties the URL, and the form follows it.
  await user.click(screen.getByRole('button', { name: 'Clear' }))
  expect(router.state.location.search).toBe('')
  expect(screen.getByLabelText('Entity')).toHaveValue('')
})

test('a link with filters opens filtered', async () => {
  const fetch = api([{ entries: [], nextBefore: null }])
  renderApp('/admin/audit?entity=token&actor=2')
  expect(await screen.findByText('No entries match')).toBeInTheDocument()
  expect(screen.getByLabelText('Entity')).toHaveValue('token')
  expect(screen.getByLabelText('Actor')).toHaveValue('2')
  const query = requestedUrls(fetch, '/audit')[0]?.searchParams
  expect(query?.get('entity')).toBe('token')
  expect(query?.get('actorUserId')).toBe('2')
})

test('Load more asks for the entries before the last one', async () => {
  const fetch = api([
    { entries: [auditEntry(60), auditEntry(59)], nextBefore: 59 },
    { entries: [auditEntry(58)], nextBefore: null },
  ])
  const { user } = renderApp('/admin/audit')
  await user.click(await screen.findByRole('button', { name: 'Load more' }))
  expect(await screen.findByText('3 entries shown, all of them')).toBeInTheDocument()
  expect(requestedUrls(fetch, '/audit')[1]?.searchParams.get('before')).toBe('59')
  expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
})
