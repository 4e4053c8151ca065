import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { requests, stubApi, type Reply } from '../../../testing/render-app.tsx'
import { renderPart } from '../../../testing/render-part.tsx'
import {
  costEntry,
  costEntryList,
  creditEntry,
  projectRecord,
} from '../../../testing/project-writes-fixture.ts'
import { ProjectActuals } from './project-actuals.tsx'

const PATH = '/projects/PRJ-0012'
const show = (canManage: boolean, path = PATH) =>
  renderPart(<ProjectActuals code="PRJ-0012" canManage={canManage} />, path, '/projects/:code')
const stub = (more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /projects/:code/actuals': { body: costEntryList() },
    'GET /projects/:code': { body: projectRecord() },
    ...more,
  })
const writes = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method !== 'GET')
const listCalls = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method === 'GET' && r.url.pathname.endsWith('/actuals'))
const table = () => screen.findByRole('table', { name: 'Cost entries, newest first' })
const rowOf = (text: string) => screen.getByRole('cell', { name: text }).closest('tr')!
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('Project actuals', { timeout: 20_000 }, () => {
  test('a viewer reads the entries, a credit in brackets and the total, with no controls', async () => {
    stub()
    show(false)
    await table()
    expect(cells(rowOf('CN-77'))).toEqual([
      '10 Mar 2026',
      'NetInstall Ltd',
      'CN-77',
      'Refund for a cancelled visit',
      'Services, Opex',
      'Installer',
      '(£12.50)',
    ])
    expect(cells(rowOf('INV-1001')).at(-1)).toBe('£1,234.56')
    expect(screen.getByRole('rowheader', { name: 'Total of 2 entries' })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: '£1,222.06' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('2 entries shown, all of them')
    expect(screen.queryByRole('button', { name: 'Add cost entry' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument()
  })

  test('a manager adds an entry in pounds: the POST carries pence and the list is fetched again', async () => {
    const added = costEntry({ id: 503, amountPence: 250_000, reference: 'INV-1002' })
    const fetch = stub({
      'GET /projects/:code/actuals': [
        { body: costEntryList() },
        { body: costEntryList([added, costEntry(), creditEntry()]) },
      ],
      'POST /projects/:code/actuals': { status: 201, body: added },
    })
    const { user } = show(true)
    await table()
    await user.click(screen.getByRole('button', { name: 'Add cost entry' }))
    const form = screen.getByRole('form', { name: 'Add a cost entry' })
    const date = within(form).getByLabelText('Date incurred')
    expect(date).toHaveFocus()
    await user.clear(date)
    await user.type(date, '2026-04-02')
    await user.type(within(form).getByLabelText('Amount (£)'), '£2,500')
    await user.selectOptions(within(form).getByLabelText('Budget line'), 'Switches')
    await user.type(within(form).getByLabelText('Supplier'), 'Cisco')
    await user.type(within(form).getByLabelText('Reference'), 'INV-1002')
    await user.click(within(form).getByRole('button', { name: 'Add entry' }))

    await waitFor(() => expect(cells(rowOf('INV-1002'))[6]).toBe('£2,500.00'))
    expect(writes(fetch).map((w) => [w.method, w.url.pathname, w.body])).toEqual([
      [
        'POST',
        '/api/v1/projects/PRJ-0012/actuals',
        {
          incurredOn: '2026-04-02',
          amountPence: 250_000,
          supplier: 'Cisco',
          reference: 'INV-1002',
          description: '',
          budgetLineId: 31,
        },
      ],
    ])
    expect(listCalls(fetch)).toHaveLength(2)
    expect(screen.queryByRole('form', { name: 'Add a cost entry' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add cost entry' })).toHaveFocus()
  })

  test('a refused entry shows the API’s problem beside its field and focuses it', async () => {
    const fetch = stub({
      'POST /projects/:code/actuals': {
        status: 409,
        body: {
          error: {
            code: 'reference_taken',
            message: 'The project has a cost entry with this reference',
            details: [{ path: 'json.reference', message: 'is already used in this project' }],
          },
        },
      },
    })
    const { user } = show(true)
    await table()
    await user.click(screen.getByRole('button', { name: 'Add cost entry' }))
    const form = screen.getByRole('form', { name: 'Add a cost entry' })
    await user.type(within(form).getByLabelText('Amount (£)'), '(40.00)')
    await user.selectOptions(within(form).getByLabelText('Category'), 'Labour')
    await user.selectOptions(within(form).getByLabelText('Capex or opex'), 'Opex')
    await user.type(within(form).getByLabelText('Reference'), 'INV-1001')
    await user.click(within(form).getByRole('button', { name: 'Add entry' }))

    const reference = within(form).getByLabelText('Reference')
    await waitFor(() => expect(reference).toHaveFocus())
    expect(reference).toHaveAccessibleDescription(
      'Invoice or journal number Is already used in this project',
    )
    expect(writes(fetch)[0]?.body).toMatchObject({
      amountPence: -4_000,
      category: 'labour',
      spendType: 'opex',
      budgetLineId: null,
    })
  })

  test('an amount that is not one is caught before asking, with focus on it', async () => {
    const fetch = stub()
    const { user } = show(true)
    await table()
    await user.click(screen.getByRole('button', { name: 'Add cost entry' }))
    const form = screen.getByRole('form', { name: 'Add a cost entry' })
    await user.type(within(form).getByLabelText('Amount (£)'), '1,2,3')
    await user.selectOptions(within(form).getByLabelText('Budget line'), 'Installer')
    await user.click(within(form).getByRole('button', { name: 'Add entry' }))
    const amount = within(form).getByLabelText('Amount (£)')
    expect(amount).toHaveFocus()
    expect(amount).toHaveAccessibleDescription(/Enter an amount in pounds/)
    expect(writes(fetch)).toEqual([])
  })

  test('delete asks first: Cancel keeps the entry, Delete entry removes it', async () => {
    const fetch = stub({
      'GET /projects/:code/actuals': [
        { body: costEntryList() },
        { body: costEntryList([creditEntry()]) },
      ],
      'DELETE /projects/:code/actuals/:id': { status: 204 },
    })
    const { user } = show(true)
    await table()
    const label = 'Delete the entry of £1,234.56 on 14 Mar 2026'
    await user.click(screen.getByRole('button', { name: label }))
    const ask = screen.getByRole('group', { name: 'Delete the entry of £1,234.56 on 14 Mar 2026?' })
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }))
    expect(writes(fetch)).toEqual([])
    expect(screen.getByRole('button', { name: label })).toHaveFocus()

    await user.click(screen.getByRole('button', { name: label }))
    await user.click(screen.getByRole('button', { name: 'Delete entry' }))
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'INV-1001' })).toBeNull())
    expect(writes(fetch).map((w) => `${w.method} ${w.url.pathname}`)).toEqual([
      'DELETE /api/v1/projects/PRJ-0012/actuals/501',
    ])
  })

  test('an edit sends only what changed', async () => {
    const fetch = stub({
      'PATCH /projects/:code/actuals/:id': { body: costEntry({ amountPence: 130_000 }) },
    })
    const { user } = show(true)
    await table()
    await user.click(
      screen.getByRole('button', { name: 'Edit the entry of £1,234.56 on 14 Mar 2026' }),
    )
    const form = screen.getByRole('form', { name: 'Edit the cost entry' })
    const amount = within(form).getByLabelText('Amount (£)')
    expect(amount).toHaveValue('1234.56')
    await user.clear(amount)
    await user.type(amount, '1300')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(writes(fetch)).toHaveLength(1))
    expect(writes(fetch)[0]).toMatchObject({
      method: 'PATCH',
      body: { amountPence: 130_000 },
    })
    expect(writes(fetch)[0]?.url.pathname).toBe('/api/v1/projects/PRJ-0012/actuals/501')
  })

  test('filters from the URL are sent, a category applies when chosen, and Load more pages on', async () => {
    const fetch = stub({
      'GET /projects/:code/actuals': (r) =>
        r.url.searchParams.get('cursor')
          ? { body: costEntryList([creditEntry()], null, { count: 2, amountPence: 122_206 }) }
          : { body: costEntryList([costEntry()], 'c1', { count: 2, amountPence: 122_206 }) },
    })
    const { user, router } = show(false, `${PATH}?costFrom=2026-03-01&costSupplier=Cisco`)
    await table()
    const first = listCalls(fetch)[0]!.url.searchParams
    expect(Object.fromEntries(first)).toEqual({ from: '2026-03-01', supplier: 'Cisco' })
    expect(screen.getByRole('status')).toHaveTextContent('1 entry shown')
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await screen.findByRole('cell', { name: 'CN-77' })
    expect(listCalls(fetch).at(-1)!.url.searchParams.get('cursor')).toBe('c1')

    await user.selectOptions(screen.getByLabelText('Category'), 'Hardware')
    expect(router.state.location.search).toBe(
      '?costFrom=2026-03-01&costCategory=hardware&costSupplier=Cisco',
    )
    await waitFor(() =>
      expect(listCalls(fetch).at(-1)!.url.searchParams.get('category')).toBe('hardware'),
    )
  })
})
