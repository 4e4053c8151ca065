import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requests, stubApi } from '../../testing/render-app.tsx'
import { usersFixture } from '../../testing/admin-fixture.ts'

const row = (email: string) => screen.getByRole('row', { name: new RegExp(email) })
const sent = (fetch: ReturnType<typeof stubApi>, method: string) =>
  requests(fetch).filter((r) => r.method === method)

test('lists the users with role, status and dates, marking you', async () => {
  stubApi({ 'GET /auth/me': signedIn('admin'), 'GET /users': { body: { users: usersFixture() } } })
  renderApp('/admin/users')
  await screen.findByRole('table', { name: 'Users' })
  expect(within(row('ada@example.org')).getByText('you')).toBeInTheDocument()
  expect(within(row('mo@example.org')).getByRole('combobox')).toHaveValue('manager')
  expect(within(row('mo@example.org')).getByText('Active')).toBeInTheDocument()
  expect(within(row('mo@example.org')).getByText('Never')).toBeInTheDocument()
  expect(within(row('vi@example.org')).getByText('Disabled')).toBeInTheDocument()
  expect(within(row('vi@example.org')).getByText('3 Nov 2026')).toBeInTheDocument()
  // Your own row cannot demote or disable you.
  expect(within(row('ada@example.org')).getByRole('combobox')).toBeDisabled()
  expect(within(row('ada@example.org')).queryByRole('button', { name: /Disable/ })).toBeNull()
  const nav = screen.getByRole('navigation', { name: 'Admin sections' })
  expect(
    within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent),
  ).toEqual(['Users', 'API tokens', 'Audit log', 'Settings'])
})

test('adds a user, and refreshes the list', async () => {
  const added = {
    id: 4,
    email: 'new@example.org',
    name: 'New Person',
    role: 'manager' as const,
    disabledAt: null,
    createdAt: '2026-11-27T12:00:00.000Z',
    lastLoginAt: null,
  }
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': [
      { body: { users: usersFixture() } },
      { body: { users: [...usersFixture(), added] } },
    ],
    'POST /users': { status: 201, body: { user: added } },
  })
  const { user } = renderApp('/admin/users')
  await user.click(await screen.findByRole('button', { name: 'Add user' }))
  const form = screen.getByRole('form', { name: 'Add a user' })
  await user.type(within(form).getByLabelText('Email'), 'new@example.org')
  await user.type(within(form).getByLabelText('Name'), 'New Person')
  await user.selectOptions(within(form).getByLabelText('Role'), 'manager')
  await user.type(within(form).getByLabelText('Initial password'), 'twelve chars!')
  await user.click(within(form).getByRole('button', { name: 'Add user' }))

  expect(await screen.findByRole('row', { name: /new@example.org/ })).toBeInTheDocument()
  expect(screen.getByRole('status')).toHaveTextContent('Added new@example.org.')
  expect(screen.queryByRole('form', { name: 'Add a user' })).not.toBeInTheDocument()
  expect(sent(fetch, 'POST')[0]?.body).toEqual({
    email: 'new@example.org',
    name: 'New Person',
    role: 'manager',
    password: 'twelve chars!',
  })
})

test('an email already in use is shown on the email field', async () => {
  stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': { body: { users: usersFixture() } },
    'POST /users': {
      status: 409,
      body: { error: { code: 'email_taken', message: 'Email already in use' } },
    },
  })
  const { user } = renderApp('/admin/users')
  await user.click(await screen.findByRole('button', { name: 'Add user' }))
  const form = screen.getByRole('form', { name: 'Add a user' })
  await user.type(within(form).getByLabelText('Email'), 'mo@example.org')
  await user.type(within(form).getByLabelText('Name'), 'Mo Again')
  await user.type(within(form).getByLabelText('Initial password'), 'twelve chars!')
  await user.click(within(form).getByRole('button', { name: 'Add user' }))
  await waitFor(() =>
    expect(within(form).getByLabelText('Email')).toHaveAccessibleDescription(
      'A user with this email already exists.',
    ),
  )
})

test('a short initial password is caught before sending', async () => {
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': { body: { users: usersFixture() } },
  })
  const { user } = renderApp('/admin/users')
  await user.click(await screen.findByRole('button', { name: 'Add user' }))
  const form = screen.getByRole('form', { name: 'Add a user' })
  await user.type(within(form).getByLabelText('Email'), 'x@example.org')
  await user.type(within(form).getByLabelText('Name'), 'X')
  await user.type(within(form).getByLabelText('Initial password'), 'short')
  await user.click(within(form).getByRole('button', { name: 'Add user' }))
  expect(within(form).getByLabelText('Initial password')).toHaveAttribute('aria-invalid', 'true')
  expect(sent(fetch, 'POST')).toHaveLength(0)
})

test('disabling asks first, then sends it; a refusal is shown in the row', async () => {
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': { body: { users: usersFixture() } },
    'PATCH /users/:id': {
      status: 409,
      body: { error: { code: 'last_admin', message: 'last_admin' } },
    },
  })
  const { user } = renderApp('/admin/users')
  await user.click(await screen.findByRole('button', { name: 'Disable mo@example.org' }))
  const ask = screen.getByRole('group', { name: /Disable mo@example.org\? They are signed out/ })
  expect(within(ask).getByRole('button', { name: 'Disable' })).toHaveFocus()
  expect(sent(fetch, 'PATCH')).toHaveLength(0)
  await user.click(within(ask).getByRole('button', { name: 'Disable' }))

  expect(await screen.findByRole('alert')).toHaveTextContent('at least one active admin')
  const [patch] = sent(fetch, 'PATCH')
  expect(patch?.url.pathname).toBe('/api/v1/users/2')
  expect(patch?.body).toEqual({ disabled: true })
})

test('Escape cancels the question, sends nothing and gives focus back', async () => {
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': { body: { users: usersFixture() } },
  })
  const { user } = renderApp('/admin/users')
  const enable = await screen.findByRole('button', { name: 'Enable vi@example.org' })
  await user.click(enable)
  expect(enable).toHaveAttribute('aria-expanded', 'true')
  await user.keyboard('{Escape}')
  expect(screen.queryByRole('group', { name: /Enable vi@example.org\?/ })).not.toBeInTheDocument()
  await waitFor(() => expect(enable).toHaveFocus())
  expect(sent(fetch, 'PATCH')).toHaveLength(0)
})

test('changes a role with Save', async () => {
  const promoted = usersFixture().map((u) => (u.id === 3 ? { ...u, role: 'manager' as const } : u))
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': [{ body: { users: usersFixture() } }, { body: { users: promoted } }],
    'PATCH /users/:id': { body: { user: promoted[2] } },
  })
  const { user } = renderApp('/admin/users')
  await user.selectOptions(await screen.findByLabelText('Role of vi@example.org'), 'manager')
  await user.click(screen.getByRole('button', { name: 'Save role of vi@example.org' }))
  expect(await screen.findByText(/role changed to Manager/)).toBeInTheDocument()
  expect(sent(fetch, 'PATCH')[0]?.body).toEqual({ role: 'manager' })
  expect(screen.queryByRole('button', { name: 'Save role of vi@example.org' })).toBeNull()
})

test('resets someone’s password', async () => {
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': { body: { users: usersFixture() } },
    'POST /users/:id/password': { status: 204 },
  })
  const { user } = renderApp('/admin/users')
  await user.click(await screen.findByRole('button', { name: 'Reset password of mo@example.org' }))
  await user.type(screen.getByLabelText('New password for mo@example.org'), 'a new long one{Enter}')
  expect(
    await screen.findByText(/password set; their sessions were signed out/),
  ).toBeInTheDocument()
  const [post] = sent(fetch, 'POST')
  expect(post?.url.pathname).toBe('/api/v1/users/2/password')
  expect(post?.body).toEqual({ password: 'a new long one' })
})

test('shows an account’s recent failed sign-ins, and unlocks it', async () => {
  const unlocked = usersFixture().map((u) => (u.id === 2 ? { ...u, recentFailures: 0 } : u))
  const fetch = stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /users': [{ body: { users: usersFixture() } }, { body: { users: unlocked } }],
    'POST /users/:id/unlock': { body: { cleared: 4 } },
  })
  const { user } = renderApp('/admin/users')
  await screen.findByRole('table', { name: 'Users' })
  expect(within(row('mo@example.org')).getByText('4 failed sign-ins')).toBeInTheDocument()
  // Nothing to unlock where nothing failed.
  expect(within(row('vi@example.org')).queryByRole('button', { name: /Unlock/ })).toBeNull()
  await user.click(
    within(row('mo@example.org')).getByRole('button', { name: 'Unlock mo@example.org' }),
  )
  expect(
    await screen.findByText('mo@example.org: unlocked: 4 failed sign-ins forgotten.'),
  ).toBeInTheDocument()
  // The refreshed list has nothing left to show (the note sits in a row of its own).
  const [moRow] = screen.getAllByRole('row', { name: /mo@example.org/ })
  expect(within(moRow!).queryByText(/^\d+ failed sign-in/)).toBeNull()
  expect(within(moRow!).queryByRole('button', { name: /Unlock/ })).toBeNull()
  const [post] = sent(fetch, 'POST')
  expect(post?.url.pathname).toBe('/api/v1/users/2/unlock')
})
