import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { DEMO_MANAGER } from './app-server.ts'
import { expectAccessible } from './axe.ts'
import { type Journey, openPage, screenshot, signIn } from './journey.ts'

// The manager's service journey: the fleet table, sorted worst first by 30-day uptime, one
// service's figures and charts, and a maintenance window planned on it.
const TIMEOUT = 60_000 // generous: a loaded 2-core CI machine
const PERCENT = /^(\d{1,3}(\.\d{1,3})?)%/

export async function servicesJourney(t: TestContext, { app, browser }: Journey) {
  const { context, page, problems } = await openPage(browser)
  try {
    const table = page.getByRole('table', { name: /^Services, sorted by/ })
    const rows = table.locator('tbody tr')
    const uptime30 = table.getByRole('columnheader', { name: /Uptime 30 d/ })
    // While a new sort loads, the previous rows stay (dimmed) and the page says "Updating…".
    const settled = () => page.getByText('Updating…').waitFor({ state: 'hidden', timeout: TIMEOUT })
    let name = ''

    await t.test('the Services page lists the demo services with their figures', async () => {
      await page.goto(app.url)
      await signIn(page, DEMO_MANAGER)
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Services', exact: true })
        .click()
      await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor({ timeout: TIMEOUT })
      await rows.first().waitFor({ timeout: TIMEOUT })
      assert.ok((await rows.count()) >= 10, 'the demo catalogue is listed')
      const first = rows.first()
      assert.match(
        await first.getByRole('cell').first().innerText(),
        /Up|Degraded|Down|Maintenance|No data/,
      )
      const strip = first.getByRole('img')
      assert.match(
        (await strip.getAttribute('aria-label')) ?? '',
        /last 90 days: 90 days: \d+ met the SLO/,
      )
      assert.equal(await page.getByText(/NaN|Infinity|undefined/).count(), 0)
      await screenshot(page, 'services')
      const business = page.getByRole('table', { name: 'Business services and their roll-up' })
      await business.waitFor({ timeout: TIMEOUT })
      assert.match(
        await business.locator('tbody tr').first().innerText(),
        /(all|any|at least).* up/,
      )
    })

    await t.test(
      'sorting by 30-day uptime puts the worst first and keeps it in the URL',
      async () => {
        await Promise.all([
          page.waitForResponse(
            (r) =>
              new URL(r.url()).pathname === '/api/v1/services' &&
              new URL(r.url()).searchParams.get('sort') === 'uptime30d',
            { timeout: TIMEOUT },
          ),
          uptime30.getByRole('button').click(),
        ])
        await settled()
        assert.equal(await uptime30.getAttribute('aria-sort'), 'ascending')
        const search = new URL(page.url()).searchParams
        assert.equal(search.get('sort'), 'uptime30d')
        assert.equal(search.get('order'), 'asc')
        // The 30-day uptime is the sixth data cell; services without data come last (n/a).
        const figures: number[] = []
        for (const row of await rows.all()) {
          const text = (await row.getByRole('cell').nth(5).innerText()).trim()
          const match = PERCENT.exec(text)
          if (match) figures.push(Number.parseFloat(match[1] ?? ''))
        }
        assert.ok(figures.length > 0, 'some 30-day uptime figures')
        for (let i = 1; i < figures.length; i++) {
          assert.ok(figures[i - 1]! <= figures[i]!, `ascending: ${figures.join(', ')}`)
        }
      },
    )

    await t.test('the worst service opens with its figures, charts and definitions', async () => {
      const link = rows.first().getByRole('rowheader').getByRole('link')
      name = (await link.innerText()).trim()
      await link.click()
      await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: TIMEOUT })
      assert.match(new URL(page.url()).search, /sort=uptime30d/, 'the link keeps the view')
      const uptime = page.getByRole('group', { name: 'Uptime 30 d', exact: true })
      assert.match(await uptime.innerText(), /\d+\.\d+%|n\/a/)
      assert.ok(
        (await uptime.getByRole('button', { name: 'How Uptime 30 d is computed' }).count()) === 1,
        'the definition is one focus away',
      )
      await page.getByRole('img', { name: /^Uptime per .* bucket/ }).waitFor({ timeout: TIMEOUT })
      await page
        .getByRole('img', { name: /^Error budget over the \d+-day SLO window/ })
        .waitFor({ timeout: TIMEOUT })
      // The charts are drawn (Recharts renders SVG once its lazy chunk has loaded).
      await page.locator('.chart-body svg.recharts-surface').first().waitFor({ timeout: TIMEOUT })
      await page.getByRole('group', { name: 'Status now' }).waitFor()
      await screenshot(page, 'service-detail')
    })

    await t.test('the manager plans a maintenance window and sees it listed', async () => {
      const reason = `E2E failover test ${Date.now()}`
      await page.getByRole('button', { name: 'Schedule maintenance' }).click()
      const form = page.getByRole('form', { name: 'Schedule maintenance' })
      // The form starts on a one-off window tomorrow 02:00–04:00, the reader's time.
      const starts = await form.getByLabel('Starts').inputValue()
      assert.match(starts, /^\d{4}-\d{2}-\d{2}T02:00$/)
      await form.getByLabel('Reason').fill(reason)
      await screenshot(page, 'service-maintenance-form')
      await expectAccessible(page, 'planning maintenance')
      await form.getByRole('button', { name: 'Schedule' }).click()
      await page
        .getByRole('status')
        .getByText('Maintenance window scheduled.')
        .waitFor({ timeout: TIMEOUT })
      const upcoming = page.getByRole('list', { name: 'Upcoming maintenance windows' })
      await upcoming.getByText(reason).waitFor({ timeout: TIMEOUT })
      assert.equal(
        await page
          .getByRole('button', { name: 'Schedule maintenance' })
          .evaluate((button) => button === document.activeElement),
        true,
        'focus returns to the button',
      )
      await screenshot(page, 'service-maintenance')
    })

    await t.test('"All services" returns to the sorted list', async () => {
      await page.getByRole('link', { name: '← All services' }).click()
      await rows.first().waitFor({ timeout: TIMEOUT })
      assert.equal(await uptime30.getAttribute('aria-sort'), 'ascending')
      assert.equal(new URL(page.url()).searchParams.get('sort'), 'uptime30d')
    })

    assert.deepEqual(problems, [], 'no errors in the browser console')
  } finally {
    await context.close()
  }
}
