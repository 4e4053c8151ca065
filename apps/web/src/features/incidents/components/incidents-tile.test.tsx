import { render, screen, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { expect, test } from 'vitest'
import { incidentsFixture } from '../../../testing/overview-fixture.ts'
import { IncidentsTile } from './incidents-tile.tsx'

const renderTile = (url: string, incidents = incidentsFixture()) => {
  const router = createMemoryRouter(
    [{ path: '/', element: <IncidentsTile incidents={incidents} /> }],
    { initialEntries: [url] },
  )
  render(<RouterProvider router={router} />)
}

test('the tile links to the Incidents list, keeping the range; the open figures filter it', () => {
  renderTile('/?range=7d')
  expect(screen.getByRole('link', { name: '7 open now' })).toHaveAttribute(
    'href',
    '/incidents?range=7d&status=open',
  )
  expect(screen.getByRole('link', { name: 'All incidents' })).toHaveAttribute(
    'href',
    '/incidents?range=7d',
  )
  const chips = screen.getByRole('list', { name: 'Open incidents by severity' })
  expect(within(chips).getByRole('link', { name: 'SEV2 2' })).toHaveAttribute(
    'href',
    '/incidents?range=7d&status=open&severity=SEV2',
  )
  // A severity with none open is not a link to an empty list.
  expect(
    within(chips)
      .getAllByRole('link')
      .map((l) => l.textContent),
  ).toEqual(['SEV1 1', 'SEV2 2', 'SEV3 4'])
  expect(within(chips).getByText('SEV4').closest('a')).toBeNull()
})

test('a custom range is kept as its days', () => {
  renderTile('/?from=2026-11-01&to=2026-11-30')
  expect(screen.getByRole('link', { name: '7 open now' })).toHaveAttribute(
    'href',
    '/incidents?from=2026-11-01&to=2026-11-30&status=open',
  )
})
