import { screen, waitFor } from '@testing-library/react'
import { expect, test } from 'vitest'
import { PEOPLE, signedIn } from '../../testing/fixtures.ts'
import { renderApp, requests, stubApi } from '../../testing/render-app.tsx'
import { overviewFixture } from '../../testing/overview-fixture.ts'

const signIn = async (user: ReturnType<typeof renderApp>['user'], password = 'correct horse') => {
  await user.type(await screen.findByLabelText('Email'), 'mo@example.org')
  await user.type(screen.getByLabelText('Password'), `${password}{Enter}`)
}

test('signing in goes to `next`, with the person shown in the header', async () => {
  const fetch = stubApi({
    'POST /auth/login': { body: { user: PEOPLE.manager } },
    'GET /auth/me': signedIn('manager'),
    'GET /overview': { body: overviewFixture() },
  })
  const { user, router } = renderApp('/login?next=%2Fincidents%3Frange%3D7d')
  expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
  expect(screen.getByLabelText('Email')).toHaveAttribute('autocomplete', 'username')
  expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password')

  await signIn(user)

  await waitFor(() =>
    expect(router.state.location).toMatchObject({ pathname: '/incidents', search: '?range=7d' }),
  )
  expect(await screen.findByRole('heading', { level: 1, name: 'Incidents' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: /Mo Manager.*account menu/ })).toBeInTheDocument()
  const login = requests(fetch).find((r) => r.url.pathname === '/api/v1/auth/login')
  expect(login?.method).toBe('POST')
  expect(login?.body).toEqual({ email: 'mo@example.org', password: 'correct horse' })
})

test('a wrong password shows the API’s message and clears the password', async () => {
  stubApi({
    'POST /auth/login': {
      status: 401,
      body: { error: { code: 'invalid_credentials', message: 'Email or password is incorrect' } },
    },
  })
  const { user, router } = renderApp('/login?next=%2F')
  await signIn(user, 'wrong')

  expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect')
  expect(router.state.location.pathname).toBe('/login')
  expect(screen.getByLabelText('Email')).toHaveValue('mo@example.org')
  expect(screen.getByLabelText('Password')).toHaveValue('')
  expect(screen.getByLabelText('Password')).toHaveFocus()
})

test('too many attempts says when to try again', async () => {
  stubApi({
    'POST /auth/login': {
      status: 429,
      headers: { 'Retry-After': '900' },
      body: {
        error: {
          code: 'rate_limited',
          message: 'Too many sign-in attempts; try again in 15 minutes',
        },
      },
    },
  })
  const { user } = renderApp('/login')
  await signIn(user)
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Too many sign-in attempts; try again in 15 minutes',
  )
})

test('the button is disabled while signing in, so one click sends one request', async () => {
  const fetch = stubApi({ 'POST /auth/login': () => new Promise<never>(() => {}) })
  const { user } = renderApp('/login')
  await signIn(user)
  const button = screen.getByRole('button', { name: 'Signing in…' })
  expect(button).toBeDisabled()
  await user.click(button)
  await user.keyboard('{Enter}')
  expect(requests(fetch).filter((r) => r.url.pathname === '/api/v1/auth/login')).toHaveLength(1)
})

test('a `next` pointing at another site is not followed', async () => {
  stubApi({
    'POST /auth/login': { body: { user: PEOPLE.viewer } },
    'GET /auth/me': signedIn('viewer'),
    'GET /overview': { body: overviewFixture() },
  })
  const { user, router } = renderApp('/login?next=%2F%2Fevil.example%2Fphish')
  await signIn(user)
  await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  expect(router.state.location.search).toBe('')
})
