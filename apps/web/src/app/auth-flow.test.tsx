import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { overviewFixture } from '../testing/overview-fixture.ts'
import { PEOPLE, signedIn, signedOut } from '../testing/fixtures.ts'
import { renderApp, requests, stubApi } from '../testing/render-app.tsx'

const overview = { body: overviewFixture() }

test('an anonymous visit waits calmly, then goes to sign in, remembering the page', async () => {
  let answer: (reply: typeof signedOut) => void = () => {}
  stubApi({ 'GET /auth/me': () => new Promise((resolve) => (answer = resolve)) })
  const { router } = renderApp('/')

  expect(await screen.findByRole('status')).toHaveTextContent('Loading opsdeck…')
  expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument()
  answer(signedOut)

  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
  expect(router.state.location.pathname).toBe('/login')
  expect(router.state.location.search).toBe('?next=%2F')
})

test('a 401 from a later call (the session ended) signs in again and comes back', async () => {
  const unauthenticated = signedOut
  stubApi({
    'GET /auth/me': signedIn('manager'),
    'GET /overview': [unauthenticated, overview],
    'POST /auth/login': { body: { user: PEOPLE.manager } },
  })
  const { router, user } = renderApp('/?range=7d')

  await screen.findByRole('heading', { name: 'Sign in' })
  expect(router.state.location.pathname).toBe('/login')
  expect(router.state.location.search).toBe('?next=%2F%3Frange%3D7d')

  await user.type(screen.getByLabelText('Email'), 'mo@example.org')
  await user.type(screen.getByLabelText('Password'), 'correct horse{Enter}')
  expect(await screen.findByRole('region', { name: 'Service health' })).toBeInTheDocument()
  expect(router.state.location).toMatchObject({ pathname: '/', search: '?range=7d' })
})

test('a 401 from a change (a mutation) also sends the person to sign in', async () => {
  stubApi({ 'GET /auth/me': signedIn('viewer'), 'POST /auth/password': signedOut })
  const { router, user } = renderApp('/account')
  await user.type(await screen.findByLabelText('Current password'), 'old password')
  await user.type(screen.getByLabelText('New password'), 'a much longer password')
  await user.type(screen.getByLabelText('Confirm new password'), 'a much longer password{Enter}')
  await screen.findByRole('heading', { name: 'Sign in' })
  expect(router.state.location.search).toBe('?next=%2Faccount')
})

test('the user menu shows who is signed in and signs out', async () => {
  const fetch = stubApi({
    'GET /auth/me': signedIn('manager'),
    'GET /overview': overview,
    'POST /auth/logout': { status: 204 },
  })
  const { router, user, client } = renderApp('/')
  await screen.findByRole('region', { name: 'Service health' })

  const menu = screen.getByRole('button', { name: /account menu/ })
  expect(menu).toHaveTextContent('Mo Manager')
  expect(menu).toHaveTextContent('Manager')
  await user.click(menu)
  expect(screen.getByText('mo@example.org')).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Change password' })).toHaveAttribute('href', '/account')
  await user.click(screen.getByRole('button', { name: 'Sign out' }))

  await screen.findByRole('heading', { name: 'Sign in' })
  expect(router.state.location).toMatchObject({ pathname: '/login', search: '' })
  expect(
    requests(fetch).some((r) => r.method === 'POST' && r.url.pathname.endsWith('/logout')),
  ).toBe(true)
  // Nothing the signed-out person saw stays in memory for the next one.
  await waitFor(() => expect(client.getQueryCache().getAll()).toHaveLength(0))
})

test('the user menu closes with Escape and gives focus back', async () => {
  stubApi({ 'GET /auth/me': signedIn('viewer'), 'GET /overview': overview })
  const { user } = renderApp('/')
  const menu = await screen.findByRole('button', { name: /account menu/ })
  await user.click(menu)
  expect(menu).toHaveAttribute('aria-expanded', 'true')
  await user.keyboard('{Escape}')
  expect(menu).toHaveAttribute('aria-expanded', 'false')
  expect(menu).toHaveFocus()
})

test('a viewer sees no Admin entry, and an admin page says no access', async () => {
  const fetch = stubApi({
    'GET /auth/me': signedIn('viewer'),
    'GET /users': { body: { users: [] } },
  })
  renderApp('/admin/users')
  expect(
    await screen.findByRole('heading', { name: 'You don’t have access to this page' }),
  ).toBeInTheDocument()
  const nav = screen.getByRole('navigation', { name: 'Sections' })
  expect(within(nav).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument()
  expect(requests(fetch).map((r) => r.url.pathname)).toEqual(['/api/v1/auth/me'])
})

test('a manager sees no Admin entry either', async () => {
  stubApi({ 'GET /auth/me': signedIn('manager'), 'GET /overview': overview })
  renderApp('/?range=7d')
  const nav = await screen.findByRole('navigation', { name: 'Sections' })
  expect(within(nav).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument()
})

test('an admin sees the Admin entry, and it does not carry the range', async () => {
  stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /overview': overview,
    'GET /users': { body: { users: [] } },
  })
  const { user, router } = renderApp('/?range=7d')
  const nav = await screen.findByRole('navigation', { name: 'Sections' })
  const admin = within(nav).getByRole('link', { name: 'Admin' })
  expect(admin).toHaveAttribute('href', '/admin')
  await user.click(admin)
  await waitFor(() => expect(router.state.location.pathname).toBe('/admin/users'))
  expect(await screen.findByRole('heading', { name: 'Users' })).toBeInTheDocument()
  expect(admin).toHaveAttribute('aria-current', 'page')
  expect(screen.queryByRole('group', { name: 'Time range' })).not.toBeInTheDocument()
  expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute('href', '/')
})
