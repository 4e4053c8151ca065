import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import type { Page, Response } from 'playwright-core'
import { formatMoney } from '../src/lib/format.ts'
import { DEMO_MANAGER, DEMO_VIEWER } from './app-server.ts'
import { expectAccessible } from './axe.ts'
import { type Journey, openPage, screenshot, signIn } from './journey.ts'

// The manager's import journey (issue 10): a project's AC and CPI read from the portfolio; a CSV
// of actuals checked row by row and imported; AC up by exactly the file's total and CPI down (EV
// unchanged) on the project and the portfolio; the same file again: every row a duplicate,
// nothing to import, AC unchanged; a viewer cannot open the import.
const TIMEOUT = 60_000 // generous: a loaded 2-core CI machine
const CODE = 'PRJ-0012' // Microsoft 365 E5 Security Rollout: live, started, costed in the demo
const TOTAL = 2_000_000 // pence: £12,345.67 + £8,000.00 − a £345.67 credit

/** What the journey reads of a project's figures (GET /portfolio's row, GET /evm's figures). */
interface Figures {
  ac: number
  ev: number
  cpi: number | null
}

const apiPath = (r: Response) => new URL(r.url()).pathname

/** `YYYY-MM-DD` of today in London, `days` later (negative: earlier). */
function londonDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** A file as a finance system exports it: a BOM, CRLF, an ISO and a UK date, £ and a credit. */
function actualsCsv(stamp: number): string {
  const [y, m, d] = londonDay(-10).split('-')
  return `\uFEFF${[
    'Project,Date,Amount,Category,Spend type,Supplier,Reference,Description',
    `${CODE},${londonDay(-12)},"£12,345.67",licences,opex,Contoso Ltd,E2E-${stamp}-1,E5 true-up`,
    `${CODE},${d}/${m}/${y},8000.00,services,opex,Bytes Ltd,E2E-${stamp}-2,Intune enrolment`,
    `${CODE},${londonDay(-9)},(345.67),licences,opex,Contoso Ltd,E2E-${stamp}-3,Unused seats`,
  ].join('\r\n')}\r\n`
}

const ratio = (f: Figures) => (f.ac === 0 ? null : f.ev / f.ac)

export async function projectsJourney(t: TestContext, { app, browser }: Journey) {
  const { context, page, problems } = await openPage(browser)
  // Unique references: the journey can run again on the same database and import anew.
  const stamp = Date.now()
  const file = {
    name: `actuals-${stamp}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(actualsCsv(stamp), 'utf8'),
  }
  let currency = 'GBP'
  let before: Figures | undefined
  let after: Figures | undefined
  try {
    const table = page.getByRole('table', { name: /^Portfolio, sorted by/ })
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${CODE} `) }) })
    const rowsTable = page.getByRole('table', { name: 'Rows of the file, errors first' })
    const noBadValues = async () =>
      assert.equal(await page.getByText(/NaN|Infinity|undefined/).count(), 0, 'no NaN shown')
    const portfolioResponse = () =>
      page.waitForResponse((r) => apiPath(r) === '/api/v1/portfolio' && r.ok(), {
        timeout: TIMEOUT,
      })
    /** The project's row of a GET /portfolio answer. */
    const projectIn = async (response: Response) => {
      const body = (await response.json()) as {
        currency: string
        projects: (Figures & { code: string })[]
      }
      currency = body.currency
      const project = body.projects.find((p) => p.code === CODE)
      assert.ok(project, `${CODE} is in the portfolio`)
      return project
    }
    /** A figure of the project's row, by its column's header ("AC", "CPI"). */
    const cellOf = async (column: string) => {
      const headers = await table.getByRole('columnheader').allInnerTexts()
      const index = headers.findIndex((h) => h.replace(/[▲▼↕]/g, '').trim() === column)
      assert.ok(index > 0, `the portfolio has a ${column} column`)
      // The project is the row's header: the data cells start at the second column.
      return (
        await row
          .getByRole('cell')
          .nth(index - 1)
          .innerText()
      ).trim()
    }
    const showsFigures = async (f: Figures) => {
      await row.getByRole('cell', { name: formatMoney(f.ac, currency), exact: true }).waitFor({
        timeout: TIMEOUT,
      })
      assert.equal(await cellOf('AC'), formatMoney(f.ac, currency))
      assert.equal(await cellOf('CPI'), f.cpi === null ? 'n/a' : f.cpi.toFixed(2))
    }
    const importFile = async () => {
      await page.getByRole('link', { name: 'Import CSV' }).click()
      await page
        .getByRole('heading', { level: 1, name: 'Import actuals or plans' })
        .waitFor({ timeout: TIMEOUT })
      await page.getByLabel('CSV file of actuals').setInputFiles(file)
      await page.getByText(`${file.name}, `).waitFor({ timeout: TIMEOUT })
      const [checked] = await Promise.all([
        page.waitForResponse((r) => apiPath(r) === '/api/v1/projects/imports/actuals/preview', {
          timeout: TIMEOUT,
        }),
        page.getByRole('button', { name: 'Check the file' }).click(),
      ])
      assert.equal(checked.status(), 200, await checked.text())
      await rowsTable.waitFor({ timeout: TIMEOUT })
      return (await checked.json()) as { summary: { total: number; new: number } }
    }
    /** Each row's line and status, as the preview lists them. */
    const statuses = async () => {
      const shown: [string, string][] = []
      for (const r of await rowsTable.locator('tbody tr').all()) {
        const line = (await r.getByRole('rowheader').innerText()).trim()
        shown.push([line, (await r.getByRole('cell').first().innerText()).trim()])
      }
      return shown
    }

    await t.test(`the portfolio shows ${CODE}'s AC and CPI`, async () => {
      await page.goto(app.url)
      await signIn(page, DEMO_MANAGER)
      const [response] = await Promise.all([
        portfolioResponse(),
        page
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('link', { name: 'Projects', exact: true })
          .click(),
      ])
      before = await projectIn(response)
      assert.ok(before.ac > 0 && before.ev > 0, 'the demo project has spend and progress')
      assert.ok(before.cpi !== null && Math.abs(before.cpi - (ratio(before) ?? 0)) < 1e-9)
      await showsFigures(before)
      await noBadValues()
    })

    await t.test('the manager checks a CSV of actuals: every row new', async () => {
      const preview = await importFile()
      assert.equal(preview.summary.total, 3)
      assert.equal(preview.summary.new, 3)
      assert.deepEqual(await statuses(), [
        ['2', 'New'],
        ['3', 'New'],
        ['4', 'New'],
      ])
      const summary = page.getByLabel('Preview summary')
      await summary.getByText('£20,000.00', { exact: true }).waitFor({ timeout: TIMEOUT })
      assert.ok(await page.getByRole('button', { name: 'Import 3 new rows' }).isEnabled())
      await noBadValues()
      await screenshot(page, 'projects-import-preview')
      await expectAccessible(page, 'importing actuals, previewed')
    })

    await t.test('importing it raises AC by exactly its total and lowers CPI', async () => {
      assert.ok(before, 'the portfolio was read')
      const [committed] = await Promise.all([
        page.waitForResponse((r) => apiPath(r) === '/api/v1/projects/imports/actuals/commit', {
          timeout: TIMEOUT,
        }),
        page.getByRole('button', { name: 'Import 3 new rows' }).click(),
      ])
      assert.equal(committed.status(), 200, await committed.text())
      const body = (await committed.json()) as { written: number; amountPence: number }
      assert.deepEqual([body.written, body.amountPence], [3, TOTAL])
      await page
        .getByText('Imported 3 cost entries, £20,000.00, into 1 project.')
        .waitFor({ timeout: TIMEOUT })
      await screenshot(page, 'projects-import-done')
      await expectAccessible(page, 'actuals imported')

      // The project, through the result's link: its figures as of today.
      const [evm] = await Promise.all([
        page.waitForResponse((r) => apiPath(r) === `/api/v1/projects/${CODE}/evm` && r.ok(), {
          timeout: TIMEOUT,
        }),
        page
          .getByRole('list', { name: 'Projects changed' })
          .getByRole('link', { name: CODE })
          .click(),
      ])
      const figures = ((await evm.json()) as { figures: Figures }).figures
      assert.equal(figures.ac, before.ac + TOTAL, 'AC rose by the imported total')
      assert.equal(figures.ev, before.ev, 'EV did not move')
      assert.ok(figures.cpi !== null && Math.abs(figures.cpi - (ratio(figures) ?? 0)) < 1e-9)
      assert.ok(figures.cpi < (before.cpi ?? 0), `CPI fell: ${before.cpi} → ${figures.cpi}`)
      const stat = (name: string) => page.getByRole('group', { name, exact: true })
      await stat('AC')
        .getByText(formatMoney(figures.ac, currency), { exact: true })
        .waitFor({ timeout: TIMEOUT })
      await stat('CPI').getByText(figures.cpi.toFixed(2), { exact: true }).waitFor()
      await noBadValues()

      // And the portfolio, fetched again after the import.
      const [response] = await Promise.all([
        portfolioResponse(),
        page.getByRole('link', { name: '← All projects' }).click(),
      ])
      after = await projectIn(response)
      assert.deepEqual(after.ac, figures.ac)
      assert.equal(after.cpi, figures.cpi)
      await showsFigures(after)
      assert.notEqual(formatMoney(after.ac, currency), formatMoney(before.ac, currency))
      assert.notEqual(after.cpi?.toFixed(2), before.cpi?.toFixed(2), 'the CPI shown changed')
      await screenshot(page, 'projects-after-import')
    })

    await t.test('the same file again: every row a duplicate, nothing to import', async () => {
      assert.ok(after, 'the import was made')
      const preview = await importFile()
      assert.equal(preview.summary.new, 0)
      assert.deepEqual(await statuses(), [
        ['2', 'Duplicate'],
        ['3', 'Duplicate'],
        ['4', 'Duplicate'],
      ])
      const commit = page.getByRole('button', { name: 'Import 0 new rows' })
      assert.ok(await commit.isDisabled(), 'nothing to import')
      await page.getByText('Every row is already recorded').waitFor({ timeout: TIMEOUT })
      await fitsAPhone(page)
      await screenshot(page, 'projects-import-again')
      await page.setViewportSize({ width: 1440, height: 1000 })

      // A fresh page load: nothing was imported, so nothing cached was marked stale.
      const [response] = await Promise.all([portfolioResponse(), page.goto(`${app.url}/projects`)])
      const again = await projectIn(response)
      assert.equal(again.ac, after.ac, 'AC unchanged')
      await showsFigures(again)
    })

    assert.deepEqual(problems, [], 'no errors in the browser console')
  } catch (err) {
    await screenshot(page, 'projects-failure').catch(() => undefined)
    throw err
  } finally {
    await context.close()
  }

  await t.test('a viewer is offered no import and cannot open it', async () => {
    const viewer = await openPage(browser)
    try {
      const { page } = viewer
      await page.goto(app.url)
      await signIn(page, DEMO_VIEWER)
      await page.goto(`${app.url}/projects`)
      await page.getByRole('table', { name: /^Portfolio, sorted by/ }).waitFor({ timeout: TIMEOUT })
      assert.equal(await page.getByRole('link', { name: 'Import CSV' }).count(), 0)
      await page.goto(`${app.url}/projects/import`)
      await page
        .getByRole('heading', { level: 1, name: 'You don’t have access to this page' })
        .waitFor({ timeout: TIMEOUT })
      assert.equal(await page.getByLabel('CSV file of actuals').count(), 0)
      assert.deepEqual(viewer.problems, [], 'no errors in the viewer’s console')
    } finally {
      await viewer.context.close()
    }
  })
}

/** At a phone's width the page does not scroll sideways: the rows scroll in their own box. */
async function fitsAPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 })
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `the page is ${width}px wide at 390px`)
}
