import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { screen, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import {
  actualsCommitted,
  badActualsPreview,
  baselinesPreview,
  cleanActualsPreview,
  duplicateActualsPreview,
  invalidImport,
} from '../../testing/import-fixture.ts'
import { renderApp, type Reply, requests, stubApi } from '../../testing/render-app.tsx'

const CSV =
  'project,date,amount,category,spend_type,reference\nPRJ-0012,2026-03-31,1234.56,licences,opex,INV-2\n'
const PREVIEW = '/api/v1/projects/imports/actuals/preview'
const COMMIT = '/api/v1/projects/imports/actuals/commit'

const stubImport = (routes: Record<string, Reply | Reply[]> = {}) =>
  stubApi({ 'GET /auth/me': signedIn('manager'), ...routes })

const sent = (fetch: ReturnType<typeof stubApi>, path: string) =>
  requests(fetch).filter((r) => r.method === 'POST' && r.url.pathname === path)

/** Opens the wizard, chooses a CSV file and checks it. */
async function checkFile(path = '/projects/import', text = CSV) {
  const app = renderApp(path)
  const input = await screen.findByLabelText('CSV file of actuals')
  await app.user.upload(input, new File([text], 'march.csv', { type: 'text/csv' }))
  await screen.findByText(/march\.csv, \d+ bytes: read, not yet sent/)
  await app.user.click(screen.getByRole('button', { name: 'Check the file' }))
  return app
}

const rowsTable = () => screen.findByRole('table', { name: 'Rows of the file, errors first' })
const lines = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((th) => th.textContent)

describe('CSV import wizard', { timeout: 20_000 }, () => {
  test('the preview lists line-numbered errors first and Import stays disabled, saying why', async () => {
    const fetch = stubImport({
      'POST /projects/imports/actuals/preview': { body: badActualsPreview() },
    })
    await checkFile()
    const table = await rowsTable()
    expect(sent(fetch, PREVIEW).map((r) => r.body)).toEqual([{ csv: CSV }])
    // Errors first (lines 3 and 5), then the rest by line.
    expect(lines(table)).toEqual(['3', '5', '2', '4'])
    const line5 = within(table).getByRole('rowheader', { name: '5' }).closest('tr')!
    expect(within(line5).getByText('Error')).toBeInTheDocument()
    expect(line5).toHaveTextContent('project: PRJ-9999 is not a project code')
    expect(line5).toHaveTextContent('category: gadgets is not a category')
    const line3 = within(table).getByRole('rowheader', { name: '3' }).closest('tr')!
    expect(line3).toHaveTextContent('date: 31/02/2026 is not a date')
    expect(within(table).getByRole('rowheader', { name: '4' }).closest('tr')).toHaveTextContent(
      'Duplicate',
    )
    const figures = within(screen.getByLabelText('Preview summary'))
    expect(figures.getByText('Errors').nextSibling).toHaveTextContent('2')
    expect(figures.getByText('Total of new rows').nextSibling).toHaveTextContent('£1,234.56')
    expect(screen.getByText(/"notes" is not one the import reads/)).toBeInTheDocument()
    const commit = screen.getByRole('button', { name: 'Import 1 new row' })
    expect(commit).toBeDisabled()
    expect(commit).toHaveAccessibleDescription(
      /Nothing can be imported while the file has 2 errors/,
    )
    // The focus moves to the preview, for keyboard and screen-reader users.
    expect(screen.getByRole('heading', { name: '3. Check and import' })).toHaveFocus()
  })

  test('the rows can be filtered by status', async () => {
    stubImport({ 'POST /projects/imports/actuals/preview': { body: badActualsPreview() } })
    const { user } = await checkFile()
    await rowsTable()
    await user.click(screen.getByRole('button', { name: 'Errors (2)' }))
    expect(screen.getByRole('button', { name: 'Errors (2)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(lines(await rowsTable())).toEqual(['3', '5'])
    await user.click(screen.getByRole('button', { name: 'Duplicates (1)' }))
    expect(lines(await rowsTable())).toEqual(['4'])
  })

  test('a clean preview imports, says what was written and refreshes the projects', async () => {
    const fetch = stubImport({
      'POST /projects/imports/actuals/preview': { body: cleanActualsPreview() },
      'POST /projects/imports/actuals/commit': { body: actualsCommitted() },
    })
    const { user, client } = await checkFile('/projects/import?range=90d')
    // A cached portfolio, to see the import mark it stale.
    const cached = ['projects', 'portfolio', { preset: '90d' }, 'live']
    client.setQueryData(cached, { projects: [] })
    const commit = await screen.findByRole('button', { name: 'Import 2 new rows' })
    expect(commit).toBeEnabled()
    await user.click(commit)
    expect(await screen.findByRole('heading', { name: 'Imported' })).toHaveFocus()
    expect(
      screen.getByText('Imported 2 cost entries, £984.56, into 1 project.'),
    ).toBeInTheDocument()
    expect(sent(fetch, COMMIT).map((r) => r.body)).toEqual([{ csv: CSV }])
    const projects = screen.getByRole('list', { name: 'Projects changed' })
    expect(within(projects).getByRole('link', { name: 'PRJ-0012' })).toHaveAttribute(
      'href',
      '/projects/PRJ-0012?range=90d',
    )
    expect(projects).toHaveTextContent('PRJ-0012: 2 entries, £984.56')
    expect(client.getQueryState(cached)?.isInvalidated).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Import another file' }))
    expect(screen.getByRole('radio', { name: 'Actuals' })).toBeChecked()
    expect(screen.getByLabelText('CSV file of actuals')).toHaveValue('')
    expect(screen.queryByRole('table', { name: 'Rows of the file, errors first' })).toBeNull()
  })

  test('a commit refused with invalid_import shows each problem by line; nothing imported', async () => {
    stubImport({
      'POST /projects/imports/actuals/preview': { body: cleanActualsPreview() },
      'POST /projects/imports/actuals/commit': invalidImport(),
    })
    const { user } = await checkFile()
    await user.click(await screen.findByRole('button', { name: 'Import 2 new rows' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The file has 1 error: nothing was written')
    const problems = within(alert).getByRole('table', { name: 'Why nothing was imported' })
    const [, row] = within(problems).getAllByRole('row')
    expect(
      within(row!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '3',
      'reference',
      'CN-3 is already recorded for PRJ-0012 with another amount ((250.00))',
    ])
    expect(screen.queryByRole('heading', { name: 'Imported' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Check the file again' })).toBeInTheDocument()
  })

  test('a file already imported: every row a duplicate, nothing to import', async () => {
    stubImport({ 'POST /projects/imports/actuals/preview': { body: duplicateActualsPreview() } })
    await checkFile()
    const commit = await screen.findByRole('button', { name: 'Import 0 new rows' })
    expect(commit).toBeDisabled()
    expect(commit).toHaveAccessibleDescription(/Every row is already recorded/)
  })

  test('a check that fails says why, and the file can be checked again', async () => {
    const unavailable = {
      status: 503,
      body: { error: { code: 'database_unavailable', message: 'The database is not reachable' } },
    }
    const fetch = stubImport({
      'POST /projects/imports/actuals/preview': [unavailable, { body: cleanActualsPreview() }],
    })
    const { user } = await checkFile()
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not check the file: The database is not reachable',
    )
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    await rowsTable()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(sent(fetch, PREVIEW)).toHaveLength(2)
  })

  test('a file larger than the import takes is refused before anything is sent', async () => {
    const fetch = stubImport()
    const { user } = renderApp('/projects/import')
    const input = await screen.findByLabelText('CSV file of actuals')
    const big = new File(['x'.repeat(MAX_IMPORT_BYTES + 1)], 'year.csv', { type: 'text/csv' })
    await user.upload(input, big)
    expect(input).toHaveAccessibleDescription(
      /year\.csv is larger than 2 MB \(2,097,153 bytes\): split it/,
    )
    expect(input).toHaveAttribute('aria-invalid', 'true')
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    expect(input).toHaveAccessibleDescription(/Choose a CSV file, or paste its text/)
    expect(requests(fetch).filter((r) => r.method === 'POST')).toEqual([])
  })

  test('pasted text is checked too', async () => {
    const fetch = stubImport({
      'POST /projects/imports/actuals/preview': { body: cleanActualsPreview() },
    })
    const { user } = renderApp('/projects/import')
    await user.click(await screen.findByLabelText('Or paste the CSV'))
    await user.paste(CSV)
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    await rowsTable()
    expect(sent(fetch, PREVIEW).map((r) => r.body)).toEqual([{ csv: CSV }])
  })

  test('a baseline plan needs its reason, sent with the file', async () => {
    const fetch = stubImport({
      'POST /projects/imports/baselines/preview': { body: baselinesPreview() },
    })
    const { user } = renderApp('/projects/import')
    expect(
      await screen.findByRole('table', { name: 'The columns of a file of actuals' }),
    ).toBeInTheDocument()
    await user.click(await screen.findByRole('radio', { name: 'Baseline plans' }))
    expect(
      screen.getByRole('table', { name: 'The columns of a file of baseline plans' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /Download a template/ })).toHaveAttribute(
      'href',
      expect.stringContaining(encodeURIComponent('project,month,amount')),
    )
    const csv = 'project,month,amount\nPRJ-0012,2026-03,40000\n'
    await user.upload(
      screen.getByLabelText('CSV file of baseline plans'),
      new File([csv], 'plan.csv', { type: 'text/csv' }),
    )
    await screen.findByText(/plan\.csv/)
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    const reason = screen.getByLabelText('Reason for the new baseline')
    expect(reason).toHaveAccessibleDescription(/Say why the plan changes/)
    expect(requests(fetch).filter((r) => r.method === 'POST')).toEqual([])
    await user.type(reason, 'Scope change')
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    const table = await rowsTable()
    expect(within(table).getByText('Mar 2026')).toBeInTheDocument()
    expect(within(table).getByText('£40,000.00')).toBeInTheDocument()
    expect(sent(fetch, '/api/v1/projects/imports/baselines/preview').map((r) => r.body)).toEqual([
      { csv, reason: 'Scope change' },
    ])
  })

  test('a viewer is told the import is not for them', async () => {
    stubApi({ 'GET /auth/me': signedIn('viewer') })
    renderApp('/projects/import')
    expect(
      await screen.findByRole('heading', { name: 'You don’t have access to this page' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/It is for managers and admins\./)).toBeInTheDocument()
    expect(screen.queryByLabelText('CSV file of actuals')).toBeNull()
  })
})
