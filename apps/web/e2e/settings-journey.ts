import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import type { Page } from 'playwright-core'
import { E2E_ADMIN } from './app-server.ts'
import { type Journey, openPage, screenshot, signIn } from './journey.ts'

// The admin loosens the red CPI limit on the settings page and sees a project's RAG reason change
// on the Overview, then puts it back (the journeys share one app and its data).
const TIMEOUT = 30_000

export async function settingsJourney(t: TestContext, { app, browser }: Journey) {
  const { context, page, problems } = await openPage(browser)
  try {
    const atRisk = () =>
      page
        .getByRole('region', { name: 'Project budgets', exact: true })
        .getByRole('list', { name: 'Projects at risk' })
    const itemOf = (code: string) => atRisk().getByRole('listitem').filter({ hasText: code })
    const reasonOf = async (code: string) =>
      (
        await itemOf(code)
          .getByText(/^(CPI|SPI|EAC) /)
          .innerText()
      ).trim()
    // Back on the Overview, the cached figures paint first while they are fetched again: wait
    // for the reason the new limit gives (on a timeout the caller's assertion names what shows).
    const settledReasonOf = async (code: string, wanted: string | RegExp) => {
      await itemOf(code)
        .getByText(wanted, { exact: true })
        .waitFor({ timeout: TIMEOUT })
        .catch(() => {})
      return reasonOf(code)
    }
    // A red project whose colour comes from the CPI rule, as the demo portfolio has.
    let code = ''
    let before = ''

    await t.test('an admin reads a red project’s reason on the Overview', async () => {
      await page.goto(app.url)
      await signIn(page, E2E_ADMIN)
      await atRisk().waitFor({ timeout: TIMEOUT })
      const red = atRisk()
        .getByRole('listitem')
        .filter({ hasText: /Red/ })
        .filter({ hasText: /CPI \d\.\d+ < 0\.85/ })
      const text = await red.first().innerText({ timeout: TIMEOUT })
      code = /PRJ-\d+/.exec(text)?.[0] ?? ''
      assert.ok(code, `no project code in ${text}`)
      before = await reasonOf(code)
      assert.match(before, /^CPI 0\.\d+ < 0\.85$/)
    })

    await t.test('the settings page lowers the red CPI limit to 0.5', async () => {
      await setRedCpi(page, '0.5')
      await screenshot(page, 'admin-settings')
    })

    await t.test('the Overview shows the rule that fires now', async () => {
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Overview' })
        .click()
      await atRisk().waitFor({ timeout: TIMEOUT })
      // Still red: a CPI below 0.85 puts the typical EAC (BAC / CPI) above 110% of the budget,
      // unless SPI, checked before EAC, is below its red limit.
      const fires = /^(EAC \d+% of BAC > 110%|SPI 0\.\d+ < 0\.85)$/
      const after = await settledReasonOf(code, fires)
      assert.notEqual(after, before)
      assert.match(after, fires)
    })

    await t.test('putting the limit back brings the reason back', async () => {
      await setRedCpi(page, '0.85')
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Overview' })
        .click()
      await atRisk().waitFor({ timeout: TIMEOUT })
      assert.equal(await settledReasonOf(code, before), before)
    })

    assert.deepEqual(problems, [], 'no errors in the browser console')
  } finally {
    await context.close()
  }
}

async function setRedCpi(page: Page, value: string) {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Admin' })
    .click()
  await page
    .getByRole('navigation', { name: 'Admin sections' })
    .getByRole('link', { name: 'Settings' })
    .click()
  const form = page.getByRole('form', { name: 'Organisation settings' })
  const cpi = form.getByRole('group', { name: 'Red when' }).getByLabel('CPI below')
  await cpi.fill(value, { timeout: TIMEOUT })
  await form.getByRole('button', { name: 'Save settings' }).click()
  await page.getByRole('status').getByText('Settings saved.').waitFor({ timeout: TIMEOUT })
  assert.equal(await cpi.inputValue(), value)
}
