import { screen } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import {
  incidentDetailFixture,
  incidentListFixture,
  payrollIncident,
} from '../../testing/incidents-fixture.ts'
import { renderApp, stubApi } from '../../testing/render-app.tsx'

// Titles also come from alerts, whose summaries can hold one long unbroken word (a URL, a hash).
// jsdom does no layout, so this checks the rule that lets such a word break, on the elements a
// user reads the title in; Chromium showed the page 2,712 px wide at 390 px without it.
const LONG = `Probe failed for ${'x'.repeat(180)}`
let sheet: HTMLStyleElement
beforeEach(() => {
  sheet = document.createElement('style')
  sheet.textContent = ['incidents.css', 'analytics.css']
    .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
    .join('\n')
  document.head.append(sheet)
})
afterEach(() => sheet.remove())

const breaks = (el: HTMLElement) => getComputedStyle(el).overflowWrap

describe('a title with a long unbroken word', { timeout: 20_000 }, () => {
  test('breaks in the incident page’s heading', async () => {
    const detail = incidentDetailFixture()
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /incidents/:ref': { body: { ...detail, incident: { ...detail.incident, title: LONG } } },
    })
    renderApp('/incidents/INC-2026-0042')
    expect(breaks(await screen.findByRole('heading', { level: 1, name: LONG }))).toBe('anywhere')
  })

  test('breaks in the Incidents list’s title cell', async () => {
    stubApi({
      'GET /auth/me': signedIn('viewer'),
      'GET /incidents': {
        body: incidentListFixture({ incidents: [payrollIncident({ title: LONG })] }),
      },
    })
    renderApp('/incidents')
    const link = await screen.findByRole('link', { name: new RegExp(LONG) })
    expect(breaks(link.closest('th')!)).toBe('anywhere')
  })
})
