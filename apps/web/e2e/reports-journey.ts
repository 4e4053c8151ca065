import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import type { TestContext } from 'node:test'
import { extractText } from 'unpdf'
import { DEMO_MANAGER, DEMO_VIEWER } from './app-server.ts'
import { callApi } from './capacity-helpers.ts'
import { type Journey, openPage, screenshot, signIn } from './journey.ts'

// The manager's monthly job (issue 12): the report for the last whole month over the demo data,
// its summary edited, frozen, and downloaded as a PDF printed on the server by Chromium — whose
// text holds the period, the organisation, the edited summary and the figures the page showed.
// A viewer reads the snapshot but cannot freeze one.
const TIMEOUT = 60_000 // generous: a loaded 2-core CI machine; the PDF starts a browser too

interface Preview {
  title: string
  organisation: string
  period: { label: string }
  sections: { area: string; figures: { key: string; label: string; value: number | null }[] }[]
}

export async function reportsJourney(t: TestContext, { app, browser }: Journey) {
  const manager = await openPage(browser)
  const { page, problems } = manager
  const stamp = Date.now().toString(36)
  const summary = `Board pack ${stamp}: a steady month with two projects to watch.`
  let preview: Preview | undefined
  let snapshotPath = ''
  try {
    await t.test('the manager opens the last whole month’s report', async () => {
      await page.goto(app.url)
      await signIn(page, DEMO_MANAGER)
      await page.goto(`${app.url}/reports`)
      await page.getByRole('heading', { name: 'Executive summary' }).waitFor({ timeout: TIMEOUT })
      const res = await callApi<Preview>(page, 'GET', '/reports/preview')
      assert.equal(res.status, 200)
      preview = res.body
      await page.getByRole('article', { name: preview.title }).waitFor({ timeout: TIMEOUT })
      await page.getByRole('article', { name: 'Tier 1 availability' }).waitFor()
    })

    await t.test('edits the summary and freezes it', async () => {
      await page.getByRole('textbox', { name: 'Summary' }).fill(summary)
      await page.getByRole('button', { name: 'Freeze report' }).click()
      await page.waitForURL(/\/reports\/snapshots\/\d+$/, { timeout: TIMEOUT })
      snapshotPath = new URL(page.url()).pathname
      await page.getByText(/^Frozen by /).waitFor({ timeout: TIMEOUT })
      await page.getByText(summary).waitFor()
      await screenshot(page, 'reports-snapshot')
    })

    await t.test('downloads the PDF, which holds the period’s figures', async () => {
      assert.ok(preview, 'the preview loaded')
      const card = page.getByRole('article', { name: 'Tier 1 availability' })
      const shown = (await card.locator('.report-figure-value').innerText()).trim()
      assert.match(shown, /^\d+(\.\d+)?%$/, 'the page shows tier 1 availability as a percentage')
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByRole('button', { name: 'Download PDF' }).click(),
      ])
      const file = await download.path()
      const bytes = new Uint8Array(await readFile(file))
      assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-')
      const { text, totalPages } = await extractText(bytes, { mergePages: true })
      const flat = text.replace(/\s+/g, ' ')
      assert.ok(totalPages >= 2, `an A4 report runs to pages (${totalPages})`)
      assert.ok(flat.includes(preview.period.label), `the PDF names ${preview.period.label}`)
      assert.ok(flat.includes(preview.organisation), 'the header names the organisation')
      assert.ok(flat.includes(`Page 1 of ${totalPages}`), 'the footer numbers the pages')
      assert.ok(flat.includes(summary), 'the edited summary is in it')
      assert.ok(flat.includes('Tier 1 availability'), 'the figures are in it')
      assert.ok(flat.includes(shown), `tier 1 availability ${shown}, as the page shows it`)
    })

    await t.test('a viewer reads the snapshot but cannot freeze a report', async () => {
      const viewer = await openPage(browser)
      try {
        await viewer.page.goto(app.url)
        await signIn(viewer.page, DEMO_VIEWER)
        await viewer.page.goto(`${app.url}${snapshotPath}`)
        await viewer.page.getByText(summary).waitFor({ timeout: TIMEOUT })
        await viewer.page.goto(`${app.url}/reports`)
        await viewer.page
          .getByRole('heading', { name: 'Executive summary' })
          .waitFor({ timeout: TIMEOUT })
        assert.equal(await viewer.page.getByRole('button', { name: 'Freeze report' }).count(), 0)
        assert.deepEqual(viewer.problems, [])
      } finally {
        await viewer.context.close()
      }
    })
    assert.deepEqual(problems, [])
  } finally {
    await manager.context.close()
  }
}
