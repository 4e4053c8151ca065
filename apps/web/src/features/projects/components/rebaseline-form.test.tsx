import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { requests, stubApi } from '../../../testing/render-app.tsx'
import { renderPart } from '../../../testing/render-part.tsx'
import { baselines, projectRecord } from '../../../testing/project-writes-fixture.ts'
import { Rebaseline } from './rebaseline-form.tsx'

const project = projectRecord({ startDate: '2026-01-15', endDate: '2026-03-31', bac: 100_000 })
const show = () =>
  renderPart(<Rebaseline project={project} />, '/projects/PRJ-0012', '/projects/:code')
const writes = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method !== 'GET')

describe('Re-baselining', { timeout: 20_000 }, () => {
  test('with a baseline, a reason is required; the months start from it; the total is set against BAC', async () => {
    const fetch = stubApi({
      'GET /projects/:code/baselines': { body: baselines() },
      'POST /projects/:code/baselines': {
        status: 201,
        body: { baseline: baselines().versions[0], bac: 100_000, planTotal: 110_000 },
      },
    })
    const { user } = show()
    await user.click(await screen.findByRole('button', { name: 'Re-baseline' }))
    const form = screen.getByRole('form', { name: 'Re-baseline (version 2)' })
    expect(within(form).getByLabelText('Jan 2026')).toHaveValue('300.00')
    expect(within(form).getByLabelText('Mar 2026')).toHaveValue('400.00')
    const status = within(form).getByRole('status')
    expect(status).toHaveTextContent('Plan total £1,000.00 against a BAC of £1,000.00.')

    await user.click(within(form).getByRole('button', { name: 'Save new baseline' }))
    const reason = within(form).getByLabelText('Reason')
    expect(reason).toHaveFocus()
    expect(reason).toHaveAccessibleDescription('Say why the plan changes')
    expect(writes(fetch)).toEqual([])

    const march = within(form).getByLabelText('Mar 2026')
    await user.clear(march)
    await user.type(march, '500')
    expect(status).toHaveTextContent(
      'Plan total £1,100.00 against a BAC of £1,000.00 — £100.00 more than the budget.',
    )
    await user.type(reason, 'Supplier delay moves the spend')
    await user.click(within(form).getByRole('button', { name: 'Save new baseline' }))
    await waitFor(() => expect(writes(fetch)).toHaveLength(1))
    expect(writes(fetch)[0]?.body).toEqual({
      reason: 'Supplier delay moves the spend',
      months: [
        { month: '2026-01', amountPence: 30_000 },
        { month: '2026-02', amountPence: 30_000 },
        { month: '2026-03', amountPence: 50_000 },
      ],
    })
    expect(await screen.findByRole('button', { name: 'Re-baseline' })).toHaveFocus()
  })

  test('without one, the BAC is spread evenly, no reason is needed, and a refused month is focused', async () => {
    stubApi({
      'GET /projects/:code/baselines': { body: baselines(false) },
      'POST /projects/:code/baselines': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Invalid request',
            details: [{ path: 'json.months.1.month', message: 'is after the project’s end' }],
          },
        },
      },
    })
    const { user } = show()
    await user.click(await screen.findByRole('button', { name: 'Set a baseline' }))
    const form = screen.getByRole('form', { name: 'Set the baseline' })
    expect(
      ['Jan 2026', 'Feb 2026', 'Mar 2026'].map(
        (m) => within(form).getByLabelText<HTMLInputElement>(m).value,
      ),
    ).toEqual(['333.34', '333.33', '333.33'])
    expect(within(form).getByLabelText('Reason (optional)')).not.toBeRequired()
    await user.click(within(form).getByRole('button', { name: 'Save baseline' }))
    const feb = within(form).getByLabelText('Feb 2026')
    await waitFor(() => expect(feb).toHaveFocus())
    expect(feb).toHaveAccessibleDescription('Is after the project’s end')
  })
})
