import { test } from 'node:test'
import { accessibilityJourney } from './accessibility-journey.ts'
import { startApp } from './app-server.ts'
import { authJourney } from './auth-journey.ts'
import { chromiumPath, launchChromium } from './browser.ts'
import { capacityJourney } from './capacity-journey.ts'
import { incidentsJourney } from './incidents-journey.ts'
import type { JourneyFn } from './journey.ts'
import { overviewJourney } from './overview-journey.ts'
import { projectsJourney } from './projects-journey.ts'
import { reportsJourney } from './reports-journey.ts'
import { servicesJourney } from './services-journey.ts'
import { settingsJourney } from './settings-journey.ts'

// One real app (API + built SPA + embedded PostgreSQL seeded with demo data, ~30 s to start) and
// one Chromium for every journey; each journey has its own browser context, so its own cookies.
const JOURNEYS: [string, JourneyFn][] = [
  ['Sign-in, roles and API tokens', authJourney],
  ['Overview', overviewJourney],
  ['Settings change the Overview', settingsJourney],
  ['Services: sort, open one, plan maintenance', servicesJourney],
  ['Incidents: declare, acknowledge, resolve; MTTR moves', incidentsJourney],
  ['Projects: import a CSV of actuals; AC and CPI move', projectsJourney],
  ['Capacity: book a person over 100%; the heatmap and Needs attention show it', capacityJourney],
  ['Reports: edit the summary, freeze, download the PDF', reportsJourney],
  ['Accessibility: axe and the keyboard on every page', accessibilityJourney],
]
// OPSDECK_E2E_ONLY=<regex> runs only the journeys whose names match it (all when unset).
const ONLY = process.env.OPSDECK_E2E_ONLY ? new RegExp(process.env.OPSDECK_E2E_ONLY, 'i') : null
if (ONLY && !JOURNEYS.some(([name]) => ONLY.test(name))) {
  throw new Error(`OPSDECK_E2E_ONLY=${process.env.OPSDECK_E2E_ONLY} matches no journey`)
}

// Generous: nine journeys on a shared 2-core machine; the accessibility walk alone takes 2–3 min.
void test('opsdeck in Chromium against the real app', { timeout: 900_000 }, async (t) => {
  const executablePath = chromiumPath() // before the slow start, so a missing browser fails fast
  const app = await startApp()
  const browser = await launchChromium(executablePath).catch(async (err: unknown) => {
    await app.stop()
    throw err
  })
  try {
    for (const [name, journey] of JOURNEYS) {
      if (ONLY && !ONLY.test(name)) continue
      await t.test(name, (tt) => journey(tt, { app, browser }))
    }
  } catch (err) {
    t.diagnostic(`server output:\n${app.logs()}`)
    throw err
  } finally {
    await browser.close()
    await app.stop()
  }
})
