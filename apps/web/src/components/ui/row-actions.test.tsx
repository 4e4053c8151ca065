import { useMutation } from '@tanstack/react-query'
import { screen, waitFor, within } from '@testing-library/react'
import { useRef } from 'react'
import { describe, expect, test } from 'vitest'
import { renderPart } from '../../testing/render-part.tsx'
import { EditableRow } from './row-actions.tsx'

// One row of a table of lines, as the features use it; deleting fails until `refusals` run out.
function Lines({ canManage, refusals = 0 }: { canManage: boolean; refusals?: number }) {
  const left = useRef(refusals)
  const remove = useMutation({
    mutationFn: (id: number) =>
      left.current-- > 0
        ? Promise.reject(new Error(`Line ${id} has actuals: it cannot be deleted`))
        : Promise.resolve(),
  })
  return (
    <table>
      <tbody>
        <EditableRow
          canManage={canManage}
          thing="the line Switches"
          confirmLabel="Delete line"
          remove={remove}
          variables={7}
          columns={3}
          editor={(done) => (
            <button type="button" onClick={done}>
              Close the form
            </button>
          )}
        >
          <th scope="row">Switches</th>
          <td>£1,200.00</td>
        </EditableRow>
      </tbody>
    </table>
  )
}

describe('EditableRow', () => {
  test('a viewer sees the cells and no actions', () => {
    renderPart(<Lines canManage={false} />, '/')
    expect(screen.getByRole('rowheader', { name: 'Switches' })).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
  })

  test('Edit opens the form under the row, hidden while it is open; closing it refocuses Edit', async () => {
    const { user } = renderPart(<Lines canManage />, '/')
    await user.click(screen.getByRole('button', { name: 'Edit the line Switches' }))
    const close = screen.getByRole('button', { name: 'Close the form' })
    expect(close.closest('td')).toHaveAttribute('colspan', '3')
    expect(screen.queryByRole('button', { name: 'Edit the line Switches' })).toBeNull()
    await user.click(close)
    expect(screen.getByRole('button', { name: 'Edit the line Switches' })).toHaveFocus()
  })

  test('a refused delete says why; Cancel clears it and refocuses Delete', async () => {
    const { user } = renderPart(<Lines canManage refusals={1} />, '/')
    await user.click(screen.getByRole('button', { name: 'Delete the line Switches' }))
    const ask = screen.getByRole('group', { name: 'Delete the line Switches?' })
    await user.click(within(ask).getByRole('button', { name: 'Delete line' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Line 7 has actuals: it cannot be deleted',
    )
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: 'Delete the line Switches' })).toHaveFocus()
  })

  test('a delete that succeeds closes the question', async () => {
    const { user } = renderPart(<Lines canManage />, '/')
    await user.click(screen.getByRole('button', { name: 'Delete the line Switches' }))
    await user.click(screen.getByRole('button', { name: 'Delete line' }))
    await waitFor(() =>
      expect(screen.queryByRole('group', { name: 'Delete the line Switches?' })).toBeNull(),
    )
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
