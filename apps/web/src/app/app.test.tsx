import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { overviewFixture } from '../testing/overview-fixture.ts'
import { signedIn } from '../testing/fixtures.ts'
import { renderApp, stubApi } from '../testing/render-app.tsx'

const stubSignedIn = (role: Parameters<typeof signedIn>[0] = 'manager') =>
  stubApi({ 'GET /auth/me': signedIn(role), 'GET /overview': { body: overviewFixture() } })

test('the shell offers a skip link and the six sections, marking the current one', async () => {
  stubSignedIn()
  renderApp('/projects?range=90d')
  expect(await screen.findByRole('link', { name: 'Skip to content' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main')
  const nav = screen.getByRole('navigation', { name: 'Sections' })
  const links = Array.from(nav.querySelectorAll('a')).map((a) => [
    a.textContent,
    a.getAttribute('href'),
  ])
  expect(links).toEqual([
    ['Overview', '/?range=90d'],
    ['Services', '/services?range=90d'],
    ['Incidents', '/incidents?range=90d'],
    ['Projects', '/projects?range=90d'],
    ['Capacity', '/capacity?range=90d'],
    ['Reports', '/reports?range=90d'],
  ])
  expect(within(nav).getByRole('link', { name: 'Projects' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  expect(within(nav).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current')
  expect(screen.getByRole('heading', { level: 1, name: 'Projects' })).toBeInTheDocument()
})

test('moving between sections keeps the range', async () => {
  stubSignedIn()
  const { user, router } = renderApp('/projects?range=7d')
  const nav = await screen.findByRole('navigation', { name: 'Sections' })
  await user.click(within(nav).getByRole('link', { name: 'Overview' }))
  expect(router.state.location).toMatchObject({ pathname: '/', search: '?range=7d' })
  expect(await screen.findByRole('region', { name: 'Service health' })).toBeInTheDocument()
})

test('an unknown address shows a 404 page inside the shell', async () => {
  stubSignedIn()
  renderApp('/nowhere')
  expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Go to the Overview' })).toHaveAttribute('href', '/')
})

test('the custom range form closes with Escape and gives focus back', async () => {
  stubSignedIn()
  const { user } = renderApp('/')
  const custom = await screen.findByRole('button', { name: 'Custom' })
  await user.click(custom)
  expect(screen.getByRole('form', { name: 'Custom time range' })).toBeInTheDocument()
  expect(screen.getByLabelText('From')).toHaveFocus()
  await user.keyboard('{Escape}')
  expect(screen.queryByRole('form', { name: 'Custom time range' })).not.toBeInTheDocument()
  expect(custom).toHaveFocus()
})
