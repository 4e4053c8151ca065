import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { requests, stubApi } from '../../../testing/render-app.tsx'
import { renderPart } from '../../../testing/render-part.tsx'
import { projectRecord } from '../../../testing/project-writes-fixture.ts'
import { BudgetLines } from './budget-lines.tsx'
import { ProjectEdit } from './project-edit-form.tsx'

const people = {
  people: [
    { id: 7, name: 'Grace Hopper', team: { id: 1, name: 'Network' } },
    { id: 8, name: 'Alan Turing', team: { id: 1, name: 'Network' } },
  ],
}
const writes = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method !== 'GET')
const show = (ui: React.ReactNode) => renderPart(ui, '/projects/PRJ-0012', '/projects/:code')

describe('Editing a project', { timeout: 20_000 }, () => {
  test('the PATCH carries only the fields changed; Cancel returns focus to Edit project', async () => {
    const fetch = stubApi({
      'GET /people': { body: people },
      'PATCH /projects/:code': { body: projectRecord({ status: 'on_hold' }) },
    })
    const { user } = show(<ProjectEdit project={projectRecord()} />)
    await user.click(screen.getByRole('button', { name: 'Edit project' }))
    let form = screen.getByRole('form', { name: 'Edit PRJ-0012' })
    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('button', { name: 'Edit project' })).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Edit project' }))
    form = screen.getByRole('form', { name: 'Edit PRJ-0012' })
    expect(within(form).getByLabelText('Name')).toHaveValue('Network refresh')
    await within(form).findByRole('option', { name: 'Alan Turing' })
    await user.selectOptions(within(form).getByLabelText('Owner'), 'Alan Turing')
    await user.selectOptions(within(form).getByLabelText('Status'), 'On hold')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(writes(fetch)).toHaveLength(1))
    expect(writes(fetch)[0]).toMatchObject({
      method: 'PATCH',
      body: { ownerPersonId: 8, status: 'on_hold' },
    })
    expect(Object.keys(writes(fetch)[0]!.body as object).sort()).toEqual([
      'ownerPersonId',
      'status',
    ])
  })

  test('an end before the start is refused by the API beside End, focused', async () => {
    stubApi({
      'GET /people': { body: people },
      'PATCH /projects/:code': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Invalid request',
            details: [{ path: 'json.endDate', message: 'must be on or after the start date' }],
          },
        },
      },
    })
    const { user } = show(<ProjectEdit project={projectRecord()} />)
    await user.click(screen.getByRole('button', { name: 'Edit project' }))
    const form = screen.getByRole('form', { name: 'Edit PRJ-0012' })
    const start = within(form).getByLabelText('Start')
    await user.clear(start)
    await user.type(start, '2026-06-01')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    const end = within(form).getByLabelText('End')
    await waitFor(() => expect(end).toHaveFocus())
    expect(end).toHaveAccessibleDescription('Must be on or after the start date')
  })
})

describe('Budget lines', { timeout: 20_000 }, () => {
  test('a viewer reads the lines and the BAC, with no controls', () => {
    stubApi({})
    show(<BudgetLines project={projectRecord()} canManage={false} />)
    const table = screen.getByRole('table', { name: 'Budget lines' })
    expect(
      within(table).getByRole('rowheader', { name: 'Switches' }).closest('tr'),
    ).toHaveTextContent('SwitchesHardware, Capex£90,000.00')
    expect(
      within(table).getByRole('rowheader', { name: 'Budget at completion (BAC)' }).closest('tr'),
    ).toHaveTextContent('£120,000.00')
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  test('a manager adds a line in pounds: POST in pence', async () => {
    const fetch = stubApi({ 'POST /projects/:code/lines': { status: 201, body: projectRecord() } })
    const { user } = show(<BudgetLines project={projectRecord()} canManage />)
    await user.click(screen.getByRole('button', { name: 'Add budget line' }))
    const form = screen.getByRole('form', { name: 'Add a budget line' })
    await user.type(within(form).getByLabelText('Line name'), 'Contingency')
    await user.selectOptions(within(form).getByLabelText('Category'), 'Contingency')
    await user.selectOptions(within(form).getByLabelText('Capex or opex'), 'Opex')
    await user.type(within(form).getByLabelText('Amount (£)'), '12,500.50')
    await user.click(within(form).getByRole('button', { name: 'Add line' }))
    await waitFor(() => expect(writes(fetch)).toHaveLength(1))
    expect(writes(fetch)[0]?.body).toEqual({
      name: 'Contingency',
      category: 'contingency',
      spendType: 'opex',
      amountPence: 1_250_050,
    })
  })

  test('a line with actuals booked cannot go: the API’s 409 message is shown', async () => {
    const message =
      'Cost entries are booked against this budget line: move them to another line first, or set its amount to 0'
    const fetch = stubApi({
      'DELETE /projects/:code/lines/:id': {
        status: 409,
        body: { error: { code: 'budget_line_in_use', message } },
      },
    })
    const { user } = show(<BudgetLines project={projectRecord()} canManage />)
    await user.click(screen.getByRole('button', { name: 'Delete the line Switches' }))
    expect(writes(fetch)).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Delete line' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(writes(fetch).map((w) => `${w.method} ${w.url.pathname}`)).toEqual([
      'DELETE /api/v1/projects/PRJ-0012/lines/31',
    ])
  })
})
