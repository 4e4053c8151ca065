import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import {
  baselinesFixture,
  capacityRiskFixture,
  projectEvmFixture,
  projectRecordFixture,
} from '../../testing/project-evm-fixture.ts'
import { costEntry, costEntryList, progressList } from '../../testing/project-writes-fixture.ts'
import { renderApp, requests, stubApi, type Reply } from '../../testing/render-app.tsx'

// The write side as the page composes it: what a manager changes shows in the figures.

type Role = Parameters<typeof signedIn>[0]
const M = 100_000
const stubPage = (role: Role, more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn(role),
    'GET /projects/:code/evm': { body: projectEvmFixture() },
    'GET /projects/:code': { body: projectRecordFixture() },
    'GET /projects/:code/baselines': { body: baselinesFixture() },
    'GET /projects/:code/actuals': { body: costEntryList() },
    'GET /projects/:code/progress': { body: progressList() },
    'GET /projects/:code/capacity-risk': { body: { ...capacityRiskFixture(), risk: null } },
    ...more,
  })
const heading = () => screen.findByRole('heading', { level: 1, name: 'Data Centre Exit' })

describe('Project page, write side', { timeout: 20_000 }, () => {
  test('a viewer sees the actuals, progress and budget lines but no control to change them', async () => {
    stubPage('viewer')
    renderApp('/projects/PRJ-0009')
    await heading()
    await screen.findByRole('table', { name: 'Cost entries, newest first' })
    await screen.findByRole('table', { name: 'Progress, newest first' })
    expect(screen.getByRole('table', { name: 'Budget lines' })).toBeInTheDocument()
    for (const name of [
      'Edit project',
      'Add cost entry',
      'Record progress',
      'Add budget line',
      'Re-baseline',
      /^Edit the/,
      /^Delete the/,
    ])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument()
  })

  test('a manager adds an actual: the POST is in pence and the figures are fetched again', async () => {
    const evm = projectEvmFixture()
    const after = projectEvmFixture()
    after.figures.ac = 310 * M
    const fetch = stubPage('manager', {
      'GET /projects/:code/evm': [{ body: evm }, { body: after }],
      'POST /projects/:code/actuals': { status: 201, body: costEntry() },
    })
    const { user } = renderApp('/projects/PRJ-0009')
    await heading()
    expect(screen.getByRole('group', { name: 'AC' })).toHaveTextContent('£300k')
    await user.click(await screen.findByRole('button', { name: 'Add cost entry' }))
    const form = screen.getByRole('form', { name: 'Add a cost entry' })
    await user.type(within(form).getByLabelText('Amount (£)'), '10,000')
    await user.selectOptions(within(form).getByLabelText('Category'), 'Cloud')
    await user.selectOptions(within(form).getByLabelText('Capex or opex'), 'Opex')
    await user.click(within(form).getByRole('button', { name: 'Add entry' }))
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'AC' })).toHaveTextContent('£310k'),
    )
    const post = requests(fetch).find((r) => r.method === 'POST')
    expect(post?.url.pathname).toBe('/api/v1/projects/PRJ-0009/actuals')
    expect(post?.body).toMatchObject({
      amountPence: 1_000_000,
      category: 'cloud',
      spendType: 'opex',
    })
    const evmCalls = requests(fetch).filter((r) => r.url.pathname.endsWith('/evm'))
    expect(evmCalls).toHaveLength(2)
  })
})
