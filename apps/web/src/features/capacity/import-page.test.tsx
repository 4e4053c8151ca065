import { screen, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, type Reply, requests, stubApi } from '../../testing/render-app.tsx'
import type { AllocationsCommitted, AllocationsPreview, PeoplePreview } from './import-writes.ts'

// The capacity import's answers, typed from the API's own response types.

type PersonRow = PeoplePreview['rows'][number]
const person = (
  line: number,
  over: Partial<PersonRow['values']> = {},
  status: PersonRow['status'] = 'new',
  errors: PersonRow['errors'] = [],
): PersonRow => ({
  line,
  status,
  values: {
    name: `Person ${line}`,
    email: `p${line}@example.com`,
    team: 'platform',
    role: 'Engineer',
    contractedHoursPerWeek: 37.5,
    workingDays: [1, 2, 3, 4, 5],
    skills: [],
    region: null,
    startDate: null,
    endDate: null,
    costRatePencePerHour: 0,
    ...over,
  },
  errors,
})

const badPeoplePreview = (): PeoplePreview => ({
  rows: [
    person(2),
    person(3, { team: null }, 'error', [
      { column: 'team', message: 'finance is no team: give a team’s slug or name' },
    ]),
    person(4, {}, 'duplicate'),
    person(5, { workingDays: null }, 'error', [
      {
        column: 'working_days',
        message: 'Fri-Mon is not a working pattern: a range runs forward, Mon to Sun',
      },
    ]),
  ],
  fileErrors: [],
  summary: { total: 4, new: 1, duplicate: 1, errors: 2, committable: false },
  warnings: [],
})

type AllocationRow = AllocationsPreview['rows'][number]
const allocation = (line: number, over: Partial<AllocationRow['values']> = {}): AllocationRow => ({
  line,
  status: 'new',
  values: {
    person: 'ann@example.com',
    kind: 'project',
    projectCode: 'PRJ-0012',
    firstDay: '2026-03-02',
    lastDay: '2026-04-24',
    hoursPerWeek: 20,
    percent: null,
    status: 'confirmed',
    note: '',
    ...over,
  },
  errors: [],
})

const cleanAllocationsPreview = (): AllocationsPreview => ({
  rows: [
    allocation(2),
    allocation(3, { kind: 'run', projectCode: null, hoursPerWeek: null, percent: 40 }),
  ],
  fileErrors: [],
  summary: { total: 2, new: 2, duplicate: 0, errors: 0, committable: true },
  warnings: [],
})

const allocationsCommitted = (): AllocationsCommitted => ({
  written: 2,
  duplicate: 0,
  people: [{ email: 'ann@example.com', name: 'Ann Lee', written: 2 }],
})

const PEOPLE_CSV = 'name,email,team,role,contracted_hours\nAnn,ann@example.com,platform,SRE,37.5\n'
const ALLOCATIONS_CSV =
  'person,kind,project,first_day,last_day,hours_per_week\nann@example.com,project,PRJ-0012,2026-03-02,2026-04-24,20\n'

const stubImport = (routes: Record<string, Reply | Reply[]> = {}) =>
  stubApi({ 'GET /auth/me': signedIn('manager'), ...routes })

const sent = (fetch: ReturnType<typeof stubApi>, path: string) =>
  requests(fetch).filter((r) => r.method === 'POST' && r.url.pathname === path)

const rowsTable = () => screen.findByRole('table', { name: 'Rows of the file, errors first' })
const lines = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((th) => th.textContent)

describe('capacity CSV import', { timeout: 20_000 }, () => {
  test('the preview lists line-numbered errors first, filters them, and Import stays disabled', async () => {
    const fetch = stubImport({
      'POST /capacity/imports/people/preview': { body: badPeoplePreview() },
    })
    const { user } = renderApp('/capacity/import')
    expect(await screen.findByRole('radio', { name: 'People' })).toBeChecked()
    expect(
      screen.getByRole('table', { name: 'The columns of a file of people' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('row', { name: /contracted_hours/ })).toHaveTextContent('Required')
    expect(screen.getByRole('link', { name: /Download a template/ })).toHaveAttribute(
      'href',
      expect.stringContaining(encodeURIComponent('name,email,team,role,contracted_hours')),
    )
    await user.upload(
      screen.getByLabelText('CSV file of people'),
      new File([PEOPLE_CSV], 'people.csv', { type: 'text/csv' }),
    )
    await screen.findByText(/people\.csv, \d+ bytes: read, not yet sent/)
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    const table = await rowsTable()
    expect(sent(fetch, '/api/v1/capacity/imports/people/preview').map((r) => r.body)).toEqual([
      { csv: PEOPLE_CSV },
    ])
    // Errors first (lines 3 and 5), then the rest by line.
    expect(lines(table)).toEqual(['3', '5', '2', '4'])
    const line5 = within(table).getByRole('rowheader', { name: '5' }).closest('tr')!
    expect(line5).toHaveTextContent('Error')
    expect(line5).toHaveTextContent('working_days: Fri-Mon is not a working pattern')
    expect(within(table).getByRole('rowheader', { name: '2' }).closest('tr')).toHaveTextContent(
      'Mon–Fri',
    )
    const commit = screen.getByRole('button', { name: 'Import 1 new person' })
    expect(commit).toBeDisabled()
    expect(commit).toHaveAccessibleDescription(
      /Nothing can be imported while the file has 2 errors/,
    )
    expect(screen.getByRole('heading', { name: '3. Check and import' })).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Duplicates (1)' }))
    expect(lines(await rowsTable())).toEqual(['4'])
    expect(requests(fetch).filter((r) => r.url.pathname.endsWith('/commit'))).toEqual([])
  })

  test('a clean file of allocations imports and says what was booked', async () => {
    const fetch = stubImport({
      'POST /capacity/imports/allocations/preview': { body: cleanAllocationsPreview() },
      'POST /capacity/imports/allocations/commit': { body: allocationsCommitted() },
    })
    const { user, client } = renderApp('/capacity/import')
    await user.click(await screen.findByRole('radio', { name: 'Allocations' }))
    expect(
      screen.getByRole('table', { name: 'The columns of a file of allocations' }),
    ).toBeInTheDocument()
    await user.click(screen.getByLabelText('Or paste the CSV'))
    await user.paste(ALLOCATIONS_CSV)
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    const table = await rowsTable()
    expect(within(table).getByText('Run / BAU')).toBeInTheDocument()
    expect(within(table).getByText('40%')).toBeInTheDocument()
    const cached = ['capacity', 'grid']
    client.setQueryData(cached, {})
    const commit = screen.getByRole('button', { name: 'Import 2 new allocations' })
    expect(commit).toBeEnabled()
    await user.click(commit)
    expect(await screen.findByRole('heading', { name: 'Imported' })).toHaveFocus()
    expect(screen.getByText('Booked 2 allocations for 1 person.')).toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'People booked' })).toHaveTextContent(
      'Ann Lee (ann@example.com): 2 allocations',
    )
    expect(sent(fetch, '/api/v1/capacity/imports/allocations/commit').map((r) => r.body)).toEqual([
      { csv: ALLOCATIONS_CSV },
    ])
    expect(client.getQueryState(cached)?.isInvalidated).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Import another file' }))
    expect(screen.queryByRole('table', { name: 'Rows of the file, errors first' })).toBeNull()
  })

  test('a viewer is told the import is not for them', async () => {
    stubApi({ 'GET /auth/me': signedIn('viewer') })
    renderApp('/capacity/import')
    expect(
      await screen.findByRole('heading', { name: 'You don’t have access to this page' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/It is for managers and admins\./)).toBeInTheDocument()
    expect(screen.queryByLabelText('CSV file of people')).toBeNull()
  })
})
