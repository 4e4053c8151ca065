import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { capacityFixture } from '../../../testing/overview-fixture.ts'
import { CapacityTile } from './capacity-tile.tsx'

test('the all-teams figures are the server’s totals, not a sum made here', () => {
  const capacity = capacityFixture()
  // Deliberately unlike the teams' sums (469 h of 490 h, 2 over): the tile must not add them up.
  capacity.total = { ...capacity.total, utilization: 0.5, overAllocatedPeople: 9, people: 30 }
  render(<CapacityTile capacity={capacity} />)
  const figure = (name: string) => screen.getByRole('group', { name })
  expect(figure('Utilization')).toHaveTextContent('50%')
  expect(figure('Over-allocated')).toHaveTextContent('9')
  expect(screen.getByText('of 30 people')).toBeInTheDocument()
})
