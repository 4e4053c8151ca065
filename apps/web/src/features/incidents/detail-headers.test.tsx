import { screen, within } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { incidentDetailFixture } from '../../testing/incidents-fixture.ts'
import { renderApp, stubApi } from '../../testing/render-app.tsx'

// As list-headers.test.tsx: the styles in the build's order, the feature's before the shared ones.
let sheet: HTMLStyleElement
beforeEach(() => {
  sheet = document.createElement('style')
  sheet.textContent = ['incidents.css', '../../styles/tables.css']
    .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
    .join('\n')
  document.head.append(sheet)
})
afterEach(() => sheet.remove())

const alignment = (table: HTMLElement, role: 'columnheader' | 'cell') =>
  within(table)
    .getAllByRole(role)
    .map((c) => getComputedStyle(c).textAlign)

test('the incident page’s tables put words and their headers left, figures and theirs right', async () => {
  stubApi({
    'GET /auth/me': signedIn('manager'),
    'GET /incidents/:ref': { body: incidentDetailFixture() },
  })
  renderApp('/incidents/INC-2026-0042')
  await screen.findByRole('heading', { level: 1, name: 'Payroll unreachable' })

  const services = screen.getByRole('table', { name: /^Affected services/ })
  // Service, Impact, Downtime, Error budget consumed
  expect(alignment(services, 'columnheader')).toEqual(['left', 'left', 'right', 'right'])
  expect(alignment(services, 'cell').slice(0, 3)).toEqual(['left', 'right', 'right'])

  const actions = screen.getByRole('table', { name: 'Follow-up actions, by due date' })
  // Action, Owner, Due, Status
  expect(alignment(actions, 'columnheader')).toEqual(['left', 'left', 'right', 'left'])
  expect(alignment(actions, 'cell').slice(0, 3)).toEqual(['left', 'right', 'left'])

  const milestones = screen.getByRole('table', { name: 'Milestones, in order' })
  // Milestone, When, (Correct)
  expect(alignment(milestones, 'columnheader')).toEqual(['left', 'right', 'left'])
  expect(alignment(milestones, 'cell').slice(0, 2)).toEqual(['right', 'left'])
})
