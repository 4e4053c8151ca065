import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { weekLabel } from '../src/features/capacity/heatmap-transform.ts'
import { DEMO_MANAGER, DEMO_VIEWER } from './app-server.ts'
import { expectAccessible } from './axe.ts'
import {
  addDays,
  apiPath,
  callApi,
  escape,
  londonToday,
  mondayOf,
  removePerson,
  shortDay,
} from './capacity-helpers.ts'
import { type Journey, openPage, screenshot, signIn } from './journey.ts'

// The manager's capacity journey (issue 11): a new person in a team, booked over their contract
// in the allocation editor (whose preview says so before saving); the heatmap's cell for them
// reads over 100%, by its text and its mark, not by colour alone; the Overview's "Needs
// attention" names them and links to them; a viewer sees the booking but no editor.
//
// Whatever day it runs on: the person is new (no other work, no leave), contracted 37.5 h Mon–Fri
// and started years ago (no part week), and booked 45 h a week from this week's Monday to next
// week's Sunday. A booking falls on working days with the capacity (bank holidays and closure
// days take both away), so every week with a working day is 45 / 37.5 = 120%; the week checked
// is this one, or the next when this one has no working day (the Christmas closure week). The
// journey can run again on the same database: a fresh name each time, deleted at the end.
const TIMEOUT = 60_000 // generous: a loaded 2-core CI machine
const TEAM = 'service-desk' // a demo team
const CONTRACT = 37.5
const BOOKED = 45 // hours a week: 120% of the contract
const PERCENT = '120%'

export async function capacityJourney(t: TestContext, { app, browser }: Journey) {
  const manager = await openPage(browser)
  const { page, problems } = manager
  const stamp = Date.now()
  const name = `Casey Overbooked ${stamp.toString(36)}`
  const monday = mondayOf(londonToday())
  const lastDay = addDays(monday, 13) // next week's Sunday
  let person: { id: number; teamName: string } | undefined
  let failed = false
  try {
    try {
      await t.test('the manager adds a person to a demo team', async () => {
        await page.goto(app.url)
        await signIn(page, DEMO_MANAGER)
        // People are added through the API (or the CSV import): the app has no form for one.
        const teams = await callApi<{ teams: { id: number; slug: string; name: string }[] }>(
          page,
          'GET',
          '/teams',
        )
        assert.equal(teams.status, 200)
        const team = teams.body.teams.find((x) => x.slug === TEAM)
        assert.ok(team, `the demo has the team ${TEAM}`)
        const created = await callApi<{ id: number }>(page, 'POST', '/people', {
          name,
          role: 'Service Desk Analyst',
          contractedHoursPerWeek: CONTRACT,
          workingDays: [1, 2, 3, 4, 5],
          startDate: '2020-01-06', // a Monday, years ago: no part week
          teamId: team.id,
        })
        assert.equal(created.status, 201, JSON.stringify(created.body))
        person = { id: created.body.id, teamName: team.name }
      })

      await t.test('the allocation editor previews the weeks over 100% and saves', async () => {
        assert.ok(person, 'the person was added')
        await page.goto(`${app.url}/capacity/people/${person.id}`)
        await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: TIMEOUT })
        await page.getByText('Nothing booked from today on.').waitFor({ timeout: TIMEOUT })
        await page.getByRole('button', { name: 'Add allocation' }).click()
        const form = page.getByRole('form', { name: 'Add an allocation' })
        await form.waitFor({ timeout: TIMEOUT })
        await form.getByLabel('Kind').selectOption({ label: 'Run / BAU' })
        await form.getByLabel('First day').fill(monday)
        await form.getByLabel('Last day').fill(lastDay)
        await form.getByLabel('Booked in').selectOption({ label: 'Hours a week' })
        await form.getByLabel('Hours a week').fill(String(BOOKED))
        await form.getByLabel('Note').fill(`e2e ${stamp}`)

        // The preview is asked for once the form stands still, then shows the weeks it turns over.
        const effect = form.getByRole('region', { name: 'Effect before saving' })
        const summary = effect.getByText(
          new RegExp(`^Turns ${escape(name)} over 100% in [12] weeks?: `),
        )
        await summary.waitFor({ timeout: TIMEOUT })
        await effect.locator('.allocation-preview:not([data-updating])').waitFor()
        const said = await summary.innerText()
        // Each of the two weeks with a working day is named; a week without one cannot turn over.
        const turned = [monday, addDays(monday, 7)].filter((w) => said.includes(shortDay(w)))
        assert.ok(turned.length > 0, `the preview names this week or the next: ${said}`)
        assert.ok(said.includes(` in ${turned.length} week`), `it counts them: ${said}`)
        for (const w of turned) {
          const row = effect.getByRole('row').filter({
            has: page.getByRole('rowheader', { name: shortDay(w), exact: true }),
          })
          // textContent: the effect's words are shown in capitals by CSS.
          const confirmed = ((await row.getByRole('cell').first().textContent()) ?? '').trim()
          assert.match(confirmed, new RegExp(`→ ${PERCENT}\\s*turns over 100%$`), confirmed)
        }
        await screenshot(page, 'capacity-allocation-preview')
        await expectAccessible(page, 'booking a person, previewed')

        const [saved] = await Promise.all([
          page.waitForResponse(
            (r) => apiPath(r) === '/api/v1/allocations' && r.request().method() === 'POST',
            { timeout: TIMEOUT },
          ),
          form.getByRole('button', { name: 'Add allocation' }).click(),
        ])
        assert.equal(saved.status(), 201, await saved.text())
        await form.waitFor({ state: 'detached', timeout: TIMEOUT })
        const allocations = page.getByRole('table', { name: 'Current and future allocations' })
        await allocations
          .getByRole('rowheader', { name: 'Run / BAU', exact: true })
          .waitFor({ timeout: TIMEOUT })
      })

      let week: string | undefined
      await t.test('the heatmap shows their week over 100%, by text and mark', async () => {
        assert.ok(person, 'the person was added')
        await page
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('link', { name: 'Capacity', exact: true })
          .click()
        const heatmap = page.getByRole('region', { name: 'Heatmap, scrolls sideways' })
        const toggle = heatmap.getByRole('button', {
          name: new RegExp(`^${escape(person.teamName)} \\d+ people$`),
        })
        await toggle.waitFor({ timeout: TIMEOUT })
        await toggle.click()
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
        await heatmap.getByRole('link', { name, exact: true }).waitFor({ timeout: TIMEOUT })

        // This week as the page marks it: the booking's first week (or its second, had the week
        // turned since).
        const now = await heatmap.locator('th[aria-current="date"]').getAttribute('title')
        const booked = [monday, addDays(monday, 7)]
        const from = booked.findIndex((w) => weekLabel(w).words === now)
        assert.ok(from >= 0, `this week is one of the booking's: ${now}`)
        // This week, or the next when this one has no working day: no capacity, nothing booked.
        const cellOf = (w: string) =>
          heatmap.getByRole('button', {
            name: new RegExp(`^${escape(name)}, ${escape(weekLabel(w).words)}: `),
          })
        for (const w of booked.slice(from)) {
          const label = (await cellOf(w).getAttribute('aria-label', { timeout: TIMEOUT })) ?? ''
          if (label.endsWith(': no capacity')) continue
          week = w
          break
        }
        assert.ok(week, 'this week or the next has working days')
        const label = weekLabel(week).words
        const cell = cellOf(week)
        const accessible = (await cell.getAttribute('aria-label')) ?? ''
        // The band in words for screen readers; the percent and ▲ printed for everyone.
        assert.match(accessible, new RegExp(`: ${PERCENT} \\(over 110%\\), `), accessible)
        // Booked on the working days with the capacity: 45 of 37.5 h, or 36 of 30 h with a bank
        // holiday in the week.
        const [, hours, of] = /, ([\d.]+) h booked of ([\d.]+) h$/.exec(accessible) ?? []
        assert.equal(Number(hours), (BOOKED * Number(of)) / CONTRACT, accessible)
        assert.equal(((await cell.textContent()) ?? '').replace(/\s+/g, ''), `${PERCENT}▲`)
        assert.equal(
          await cell.locator('.heat-mark').count(),
          1,
          'the over mark, not only a colour',
        )
        // The cell's hours: its tooltip on hover.
        await cell.hover()
        await page
          .getByRole('tooltip')
          .getByText(new RegExp(`^${escape(name)}, ${escape(label)}$`))
          .waitFor({ timeout: TIMEOUT })
        await screenshot(page, 'capacity-heatmap-over')
        await expectAccessible(page, 'the heatmap’s cell popover')
      })

      await t.test('Needs attention on the Overview names them and links to them', async () => {
        assert.ok(person && week, 'the heatmap was read')
        const [response] = await Promise.all([
          page.waitForResponse((r) => apiPath(r) === '/api/v1/overview' && r.ok(), {
            timeout: TIMEOUT,
          }),
          page
            .getByRole('navigation', { name: 'Sections' })
            .getByRole('link', { name: 'Overview', exact: true })
            .click(),
        ])
        const { attention } = (await response.json()) as {
          attention: { area: string; title: string; reason: string; href: string }[]
        }
        const item = attention.find((i) => i.href === `/capacity/people/${person?.id}`)
        assert.ok(item, `an attention item for the person: ${JSON.stringify(attention)}`)
        assert.equal(item.area, 'capacity')
        assert.equal(item.title, name)
        assert.match(item.reason, new RegExp(`\\(${PERCENT}\\) in weeks? `), item.reason)

        const panel = page.getByRole('region', { name: 'Needs attention', exact: true })
        await panel.getByRole('list').first().waitFor({ timeout: TIMEOUT })
        // The most urgent 8 are shown, the rest on request: wait for the answer's list (the cached
        // one paints first), then ask for all of it.
        if (attention.length > 8) {
          await panel
            .getByRole('button', { name: `Show all ${attention.length}`, exact: true })
            .click({ timeout: TIMEOUT })
        }
        const entry = panel.getByRole('listitem').filter({
          has: page.getByRole('link', { name, exact: true }),
        })
        await entry.waitFor({ timeout: TIMEOUT })
        assert.match(await entry.innerText(), /Capacity/)
        assert.ok((await entry.innerText()).includes(item.reason), 'the reason is shown')
        const link = entry.getByRole('link', { name, exact: true })
        const href = (await link.getAttribute('href')) ?? ''
        assert.match(href, new RegExp(`^/capacity/people/${person.id}\\?range=`), href)
        await screenshot(page, 'capacity-needs-attention')
        await link.click()
        await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: TIMEOUT })
        assert.equal(new URL(page.url()).pathname, `/capacity/people/${person.id}`)
      })

      assert.deepEqual(problems, [], 'no errors in the browser console')
    } catch (err) {
      failed = true
      await screenshot(page, 'capacity-failure').catch(() => undefined)
      throw err
    }

    await t.test('a viewer sees the booking but no allocation editor', async () => {
      assert.ok(person, 'the person was added')
      const viewer = await openPage(browser)
      try {
        const { page } = viewer
        await page.goto(app.url)
        await signIn(page, DEMO_VIEWER)
        await page.goto(`${app.url}/capacity/people/${person.id}`)
        await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: TIMEOUT })
        await page
          .getByRole('table', { name: 'Current and future allocations' })
          .getByRole('rowheader', { name: 'Run / BAU', exact: true })
          .waitFor({ timeout: TIMEOUT })
        const buttons = page.getByRole('button', {
          name: /^(Add allocation|Edit the allocation|Delete the allocation|Edit person|Add time off)/,
        })
        assert.equal(await buttons.count(), 0, 'no editing for a viewer')
        assert.equal(await page.getByRole('form', { name: 'Add an allocation' }).count(), 0)
        assert.deepEqual(viewer.problems, [], 'no errors in the viewer’s console')
      } catch (err) {
        await screenshot(viewer.page, 'capacity-viewer-failure').catch(() => undefined)
        throw err
      } finally {
        await viewer.context.close()
      }
    })
  } catch (err) {
    failed = true
    throw err
  } finally {
    // The journey's person and booking go again, so a later run starts from the demo as it was.
    const cleanup = person ? await removePerson(page, person.id) : null
    await manager.context.close()
    if (cleanup && !failed) assert.fail(cleanup)
  }
}
