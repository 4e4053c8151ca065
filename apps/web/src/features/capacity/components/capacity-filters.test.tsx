import { render, screen } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { type CapacityView, DEFAULT_CAPACITY_VIEW } from '../capacity-view.ts'
import { CapacityFilters } from './capacity-filters.tsx'

const filters = (view: CapacityView, onChange: (view: CapacityView) => void) => (
  <CapacityFilters view={view} teams={[]} roles={[]} onChange={onChange} />
)

test('the tentative box shows a click at once, before the URL has the view, and follows the URL', async () => {
  const user = userEvent.setup()
  const asked: CapacityView[] = []
  // The URL (the view) is not updated yet when the click is drawn: a navigation is a transition.
  const { rerender } = render(filters(DEFAULT_CAPACITY_VIEW, (v) => asked.push(v)))
  const box = screen.getByRole('checkbox', { name: 'Include tentative work' })
  expect(box).not.toBeChecked()
  await user.click(box)
  expect(box).toBeChecked()
  expect(asked).toEqual([{ ...DEFAULT_CAPACITY_VIEW, tentative: true }])

  // The URL catches up, then Back takes it away: the box follows it.
  rerender(filters({ ...DEFAULT_CAPACITY_VIEW, tentative: true }, (v) => asked.push(v)))
  expect(box).toBeChecked()
  rerender(filters(DEFAULT_CAPACITY_VIEW, (v) => asked.push(v)))
  expect(box).not.toBeChecked()
})
