import { screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, requests, stubApi } from '../../testing/render-app.tsx'

const fill = async (
  user: ReturnType<typeof renderApp>['user'],
  current: string,
  next: string,
  confirm = next,
) => {
  await user.type(await screen.findByLabelText('Current password'), current)
  await user.type(screen.getByLabelText('New password'), next)
  await user.type(screen.getByLabelText('Confirm new password'), confirm)
  await user.click(screen.getByRole('button', { name: 'Change password' }))
}

test('shows who you are and changes the password', async () => {
  const fetch = stubApi({
    'GET /auth/me': signedIn('viewer'),
    'POST /auth/password': { status: 204 },
  })
  const { user } = renderApp('/account')
  expect(await screen.findByText('vi@example.org')).toBeInTheDocument()
  expect(screen.getByText('reads everything, changes nothing')).toBeInTheDocument()

  await fill(user, 'old password', 'a brand new passphrase')

  expect(await screen.findByText(/Password changed/)).toBeInTheDocument()
  const sent = requests(fetch).find((r) => r.url.pathname === '/api/v1/auth/password')
  expect(sent?.body).toEqual({
    currentPassword: 'old password',
    newPassword: 'a brand new passphrase',
  })
  expect(screen.getByLabelText('Current password')).toHaveValue('')
})

test('a wrong current password is marked on that field', async () => {
  stubApi({
    'GET /auth/me': signedIn('viewer'),
    'POST /auth/password': {
      status: 422,
      body: { error: { code: 'wrong_password', message: 'The current password is not correct' } },
    },
  })
  const { user } = renderApp('/account')
  await fill(user, 'not it', 'a brand new passphrase')
  expect(await screen.findByRole('alert')).toHaveTextContent('The current password is not correct')
  expect(screen.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true')
  expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
    'This is not your current password',
  )
})

test('a short or mismatched new password is caught before sending', async () => {
  const fetch = stubApi({ 'GET /auth/me': signedIn('viewer') })
  const { user } = renderApp('/account')
  await fill(user, 'old password', 'too short', 'too shorts')
  expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
    expect.stringContaining('Use at least 12 characters'),
  )
  expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription(
    'The two new passwords do not match',
  )
  expect(requests(fetch).map((r) => r.url.pathname)).toEqual(['/api/v1/auth/me'])
})
