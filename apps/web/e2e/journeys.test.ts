import { test } from 'node:test'
import { startApp } from './app-server.ts'
import { authJourney } from './auth-journey.ts'
import { chromiumPath, launchChromium } from './browser.ts'
import { incidentsJourney } from './incidents-journey.ts'
import type { JourneyFn } from './journey.ts'
import { overviewJourney } from './overview-journey.ts'
import { projectsJourney } from './projects-journey.ts'
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
]

void test('opsdeck in Chromium against the real app', { timeout: 400_000 }, async (t) => {
  const executablePath = chromiumPath() // before the slow start, so a missing browser fails fast
  const app = await startApp()
  const browser = await launchChromium(executablePath).catch(async (err: unknown) => {
    await app.stop()
    throw err
  })
  try {
    for (const [name, journey] of JOURNEYS) {
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
