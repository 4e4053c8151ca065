import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { expect, test } from 'vitest'
import { servicesFixture } from '../../../testing/overview-fixture.ts'
import { ServicesTile } from './services-tile.tsx'

test('the tile links to the Services page, keeping the range; a tier filters it', () => {
  const router = createMemoryRouter(
    [{ path: '/', element: <ServicesTile services={servicesFixture()} /> }],
    { initialEntries: ['/?range=7d'] },
  )
  render(<RouterProvider router={router} />)
  expect(screen.getByRole('link', { name: 'All services' })).toHaveAttribute(
    'href',
    '/services?range=7d',
  )
  expect(screen.getByRole('link', { name: 'Tier 2' })).toHaveAttribute(
    'href',
    '/services?range=7d&tier=2',
  )
})
