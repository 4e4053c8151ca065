import { screen, within } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { incidentListFixture, payrollIncident } from '../../testing/incidents-fixture.ts'
import { renderApp, stubApi } from '../../testing/render-app.tsx'
import { listFixture } from '../../testing/services-fixture.ts'

// jsdom does no layout but does cascade: the styles in the order the build emits them, the
// feature's (imported by the routes) before the shared ones (imported after them in main.tsx).
let sheet: HTMLStyleElement
beforeEach(() => {
  sheet = document.createElement('style')
  sheet.textContent = ['incidents.css', '../../styles/tables.css']
    .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
    .join('\n')
  document.head.append(sheet)
})
afterEach(() => sheet.remove())

test('the Incidents list’s headers sit over their columns: words left, the age right', async () => {
  stubApi({
    'GET /auth/me': signedIn('viewer'),
    'GET /incidents': { body: incidentListFixture({ incidents: [payrollIncident()] }) },
    'GET /services': { body: listFixture() },
  })
  renderApp('/incidents')
  const table = await screen.findByRole('table', { name: /^Incidents, open first/ })
  const align = Object.fromEntries(
    within(table)
      .getAllByRole('columnheader')
      .map((th) => [th.textContent, getComputedStyle(th).textAlign]),
  )
  expect(align).toEqual({
    Severity: 'left',
    Incident: 'left',
    Status: 'left',
    Age: 'right',
    Commander: 'left',
    Services: 'left',
    Targets: 'left',
  })
})
