import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { DEMO_MANAGER } from './app-server.ts'
import { type Journey, openPage, screenshot, signIn } from './journey.ts'

// The manager's first journey: sign in, read the four areas, change the range, move on.
const PERCENT = /^\d{1,3}(\.\d{1,3})?%$/
const DURATION = /^(\d+d( \d+h)?|\d+h( \d+m)?|\d+m|\d+s)$/
const MONEY = /^-?£\d+(\.\d)?(k|m|bn)?$/

export async function overviewJourney(t: TestContext, { app, browser }: Journey) {
  const { context, page, problems } = await openPage(browser)
  try {
    const region = (name: string) => page.getByRole('region', { name, exact: true })
    const texts = async (loc: ReturnType<typeof region>) =>
      (await loc.allTextContents()).map((s) => s.trim())
    // A Stat is a group named by its label (components/ui/stat.tsx); its figure is the text in
    // the expected format, apart from the label and the note.
    const stat = (tile: string, name: string | RegExp) =>
      region(tile).getByRole('group', { name, exact: true })
    // The tile's period, e.g. "27 Oct 2026, 14:02 – 26 Nov 2026, 14:02".
    const period = () => region('Service health').getByText(/^\d.* – \d.*\d{2}:\d{2}$/)
    // The page says "Updating…" while a new range loads over the previous one's figures.
    const settled = () => page.getByText('Updating…').waitFor({ state: 'hidden' })

    await t.test('signs in and shows real numbers in all four areas', async () => {
      await page.goto(app.url)
      await signIn(page, DEMO_MANAGER)
      await region('Service health').waitFor({ timeout: 30_000 })
      const tiers = region('Service health')
        .getByRole('table', { name: 'Uptime by tier against SLO targets' })
        .getByRole('row', { name: /^Tier \d/ })
      const uptimes: string[] = []
      for (const tier of await tiers.all()) {
        uptimes.push((await tier.getByRole('cell').first().innerText()).trim())
      }
      assert.ok(
        uptimes.some((u) => PERCENT.test(u)),
        `no tier uptime as a percentage: ${uptimes.join(', ')}`,
      )

      assert.equal(await stat('Incidents', 'MTTR').getByText(DURATION).count(), 1)

      const budgetStats = await stat('Project budgets', /^(BAC|AC|EAC|VAC)$/).all()
      assert.equal(budgetStats.length, 4)
      for (const s of budgetStats) assert.equal(await s.getByText(MONEY).count(), 1)
      // The demo portfolio has red and amber projects, each with the rule that set its colour.
      const atRisk = await texts(
        region('Project budgets')
          .getByRole('list', { name: 'Projects at risk' })
          .getByRole('listitem'),
      )
      assert.ok(atRisk.length > 0 && atRisk.length <= 5, `projects at risk: ${atRisk.length}`)
      for (const item of atRisk) assert.match(item, /(Red|Amber).*(CPI|SPI|EAC) .*[<>]/)

      // Utilization is the one column in percent.
      const utilization = await texts(
        region('Team capacity')
          .getByRole('table', { name: 'Utilization per team this week' })
          .getByRole('cell'),
      )
      assert.ok(
        utilization.some((u) => PERCENT.test(u)),
        `no team utilization: ${utilization.join(', ')}`,
      )
      assert.equal(await page.getByText(/NaN|Infinity/).count(), 0)

      await screenshot(page, 'overview')
    })

    await t.test('the time-range picker changes the URL and reloads the data', async () => {
      const periodBefore = await period().innerText()
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/overview'),
        page.getByRole('button', { name: '7d', exact: true }).click(),
      ])
      assert.equal(response.status(), 200)
      assert.equal(new URL(page.url()).search, '?range=7d')
      const from = Date.parse(new URL(response.url()).searchParams.get('from') ?? '')
      assert.ok(
        Math.abs(Date.now() - from - 7 * 86_400_000) < 3_600_000,
        'asked for the last 7 days',
      )

      await page.getByText('Last 7 days', { exact: true }).waitFor()
      await settled()
      const periodAfter = await period().innerText()
      assert.notEqual(periodAfter, periodBefore, 'the tiles show the new period')
    })

    await t.test('needs attention lists the demo’s services, linked with the range', async () => {
      // The demo keeps a service down while its outage incident is open.
      const items = region('Needs attention')
        .getByRole('list', { name: 'Needs attention, most urgent first' })
        .getByRole('listitem')
      await items.first().waitFor()
      const first = await items.first().innerText()
      assert.match(first, /^▲ Critical\s+Services\s+/, 'critical service items first')
      for (const item of await items.all()) {
        const href = await item.getByRole('link').getAttribute('href')
        // Capacity's team items link the page with the team: /capacity?team=…&range=7d.
        assert.match(
          href ?? '',
          /^\/((services|incidents|projects|capacity)\/[^?]+\?|capacity\?team=[a-z0-9-]+(&tentative=1)?&)range=7d$/,
        )
      }
    })

    await t.test('section links keep the range', async () => {
      const nav = page.getByRole('navigation', { name: 'Sections' })
      const services = nav.getByRole('link', { name: 'Services', exact: true })
      assert.equal(await services.getAttribute('href'), '/services?range=7d')
      await services.click()
      await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor()
      assert.equal(new URL(page.url()).search, '?range=7d')
      assert.equal(await services.getAttribute('aria-current'), 'page')

      await nav.getByRole('link', { name: 'Overview', exact: true }).click()
      await region('Service health').waitFor()
      assert.equal(
        await page.getByRole('button', { name: '7d', exact: true }).getAttribute('aria-pressed'),
        'true',
      )
    })

    await t.test('reads well in dark mode', async () => {
      await page.emulateMedia({ colorScheme: 'dark' })
      await page.getByRole('button', { name: '30d', exact: true }).click()
      await page.getByText('Last 30 days', { exact: true }).waitFor()
      await settled()
      await screenshot(page, 'overview-dark')
      const background = await page.evaluate(
        () => getComputedStyle(document.documentElement).backgroundColor,
      )
      assert.notEqual(background, 'rgb(244, 246, 248)', 'the dark palette applies')
    })

    await t.test('an unknown address gets the 404 page', async () => {
      await page.goto(`${app.url}/no-such-page`)
      await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    })

    assert.deepEqual(problems, [], 'no errors in the browser console')
  } finally {
    await context.close()
  }
}
