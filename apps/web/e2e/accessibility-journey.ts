import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_MANAGER, E2E_ADMIN } from './app-server.ts'
import { expectAccessible } from './axe.ts'
import { callApi, londonToday } from './capacity-helpers.ts'
import { type Journey, openPage, signIn } from './journey.ts'
import { expectKeyboardUsable } from './keyboard.ts'

// Every page of the SPA (the routes in src/app/routes.tsx) checked by axe in light and dark, and
// tabbed through: no serious or critical violation, nothing clickable out of the keyboard's reach,
// focus always visible. Moderate and minor findings are reported, not failed.
const TIMEOUT = 60_000 // generous: a loaded 2-core CI machine; a report preview takes seconds

/** Waits for the page's heading and for its data: no skeleton, no lazy chart still loading. */
async function settle(page: Page, heading?: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1, ...(heading ? { name: heading } : {}) })
  await h1.first().waitFor({ timeout: TIMEOUT })
  await page.waitForFunction(
    () =>
      !document.querySelector('.skeleton, .skeleton-block, [aria-busy="true"]') &&
      !document.body.innerText.includes('Updating…'),
    undefined,
    { timeout: TIMEOUT },
  )
}

/** The first link on the page whose address matches, e.g. a service's from the services list. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  const href = hrefs.find((h) => pattern.test(h))
  assert.ok(href, `a link matching ${pattern} on ${page.url()}`)
  return href
}

export async function accessibilityJourney(t: TestContext, { app, browser }: Journey) {
  const lesser: string[] = []
  // 401 signed out; 404 the page that is not there and a share link that is not one.
  const visitor = await openPage(browser, [401, 404])
  const manager = await openPage(browser, [404])
  const admin = await openPage(browser, [404])

  // Both checks run on every page, so one failure does not hide the other.
  const audit = async (page: Page, path: string) => {
    const failures: string[] = []
    await expectAccessible(page, path).then(
      (found) => lesser.push(...found),
      (err: Error) => failures.push(err.message),
    )
    await expectKeyboardUsable(page, path).catch((err: Error) => failures.push(err.message))
    if (failures.length > 0) throw new Error(failures.join('\n'))
  }
  const check = async (page: Page, path: string, heading?: string | RegExp) => {
    await t.test(path, async () => {
      await page.goto(`${app.url}${path}`)
      await settle(page, heading)
      await audit(page, path)
    })
  }

  try {
    let shareToken = ''
    const snapshots: number[] = []
    await t.test(
      'the manager signs in; two months’ reports are frozen and one shared',
      async () => {
        await visitor.page.goto(`${app.url}/login`)
        await settle(visitor.page, 'Sign in')
        await audit(visitor.page, '/login')

        await manager.page.goto(`${app.url}/login`)
        await signIn(manager.page, DEMO_MANAGER)
        // Last month and the one before, for a snapshot page and a comparison.
        const [y, m] = londonToday().split('-').map(Number) as [number, number]
        const before = new Date(Date.UTC(y, m - 3, 15)).toISOString().slice(0, 10)
        for (const body of [{}, { day: before }]) {
          const res = await callApi<{ id: number }>(
            manager.page,
            'POST',
            '/reports/snapshots',
            body,
          )
          assert.equal(res.status, 201, JSON.stringify(res.body))
          snapshots.push(res.body.id)
        }
        const link = await callApi<{ token: string }>(
          manager.page,
          'POST',
          `/reports/snapshots/${snapshots[0]}/share-links`,
          { label: 'accessibility' },
        )
        assert.equal(link.status, 201, JSON.stringify(link.body))
        shareToken = link.body.token
      },
    )

    await check(visitor.page, `/shared/${shareToken}`)
    await check(visitor.page, '/shared/not-a-real-token')

    const m = manager.page
    await check(m, '/', 'Overview')
    await check(m, '/services', 'Services')
    await check(m, await firstLink(m, /^\/services\/[^/?]+/))
    await check(m, '/incidents', 'Incidents')
    await check(m, await firstLink(m, /^\/incidents\/(?!analytics)[^/?]+/))
    await check(m, '/incidents/analytics', 'Incident analytics')
    await check(m, '/projects', 'Projects')
    await check(m, await firstLink(m, /^\/projects\/(?!import)[^/?]+/))
    await check(m, '/projects/import')
    await check(m, '/capacity', 'Capacity')
    await check(m, '/capacity/import')
    await check(m, '/capacity/people', 'People')
    await check(m, await firstLink(m, /^\/capacity\/people\/\d+/))
    await check(m, '/capacity/settings', 'Teams and calendar')
    await check(m, '/reports', 'Reports')
    await check(m, '/reports/snapshots', 'Report archive')
    await check(m, `/reports/snapshots/${snapshots[0]}`)
    await check(m, `/reports/compare?a=${snapshots[1]}&b=${snapshots[0]}`, 'Compare reports')
    await check(m, '/reports/schedules', 'Report schedules')
    await check(m, '/account', 'Your account')
    await check(m, '/admin/users', 'You don’t have access to this page')
    await check(m, '/no-such-page', 'Page not found')

    await t.test('an admin signs in', async () => {
      await admin.page.goto(`${app.url}/login`)
      await signIn(admin.page, E2E_ADMIN)
    })
    await check(admin.page, '/admin/users', 'Admin')
    await check(admin.page, '/admin/tokens', 'Admin')
    await check(admin.page, '/admin/audit', 'Admin')
    await check(admin.page, '/admin/settings', 'Admin')
    await check(admin.page, '/admin/no-such-page', 'Page not found')

    if (lesser.length > 0) t.diagnostic(`moderate and minor findings:\n${lesser.join('\n')}`)
    assert.deepEqual(
      [...visitor.problems, ...manager.problems, ...admin.problems],
      [],
      'no errors in the browser console',
    )
  } finally {
    await Promise.all([visitor.context.close(), manager.context.close(), admin.context.close()])
  }
}
