import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, type Reply, requests, stubApi } from '../../testing/render-app.tsx'
import {
  incidentSettingsFixture,
  settingsFixture,
  updatedFixture,
} from '../../testing/settings-fixture.ts'

const form = () => screen.findByRole('form', { name: 'Organisation settings' })
const level = (name: 'Red when' | 'Amber when') => screen.getByRole('group', { name })
const patches = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method === 'PATCH')
// The organisation settings' own status, not the incident parts' below it.
const status = () =>
  within(screen.getByRole('region', { name: 'Organisation settings' })).getByRole('status')
const findStatus = async () =>
  within(await screen.findByRole('region', { name: 'Organisation settings' })).findByRole('status')
/** An admin's page: the settings, and the incident parts' answer so that they load. */
const stubSettings = (routes: Record<string, Reply | Reply[]>) =>
  stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /incidents/response-targets': { body: incidentSettingsFixture() },
    ...routes,
  })

test('shows the settings in labelled fields, linked from the admin sections', async () => {
  stubSettings({
    'GET /settings': { body: { settings: settingsFixture() } },
  })
  renderApp('/admin/settings')
  const f = await form()
  expect(within(f).getByLabelText('Organisation name')).toHaveValue('Borsetshire Council')
  expect(within(f).getByLabelText('Time zone')).toHaveValue('Europe/London')
  expect(within(f).getByLabelText('Currency')).toHaveValue('GBP')
  // Amounts are stored in minor units: a new currency re-labels them, never converts them.
  expect(within(f).getByLabelText('Currency')).toHaveAccessibleDescription(
    /amounts are re-labelled, not converted: £1,000 becomes €1,000\..*decimal places.*only before any amount is recorded/i,
  )
  expect(within(f).getByLabelText('Bank holidays')).toHaveDisplayValue('England and Wales')
  expect(within(f).getByLabelText('Working days per week')).toHaveValue(5)
  expect(within(level('Red when')).getByLabelText('CPI below')).toHaveValue(0.85)
  expect(within(level('Red when')).getByLabelText('EAC above (% of BAC)')).toHaveValue(110)
  expect(within(level('Amber when')).getByLabelText('SPI below')).toHaveValue(0.95)
  expect(within(level('Amber when')).getByLabelText('EAC above (% of BAC)')).toHaveValue(100)
  expect(
    screen.getByRole('group', { name: 'RAG thresholds for project budgets' }),
  ).toHaveAccessibleDescription(/red when its CPI or SPI falls below the red limit/)
  const nav = screen.getByRole('navigation', { name: 'Admin sections' })
  expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute(
    'aria-current',
    'page',
  )
})

test('sends only the thresholds that changed, says so, and refreshes every figure', async () => {
  const after = settingsFixture({
    ragThresholds: {
      red: { cpi: 0.5, spi: 0.85, eacOverBac: 1.25 },
      amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
    },
    updatedAt: '2026-11-27T12:00:00.000Z',
  })
  const fetch = stubSettings({
    'GET /settings': [{ body: { settings: settingsFixture() } }, { body: { settings: after } }],
    'PATCH /settings': { body: updatedFixture(after) },
  })
  const { user, client } = renderApp('/admin/settings')
  client.setQueryData(['overview', { preset: '30d' }], {})
  await form()
  const cpi = within(level('Red when')).getByLabelText('CPI below')
  await user.clear(cpi)
  await user.type(cpi, '0.5')
  const eac = within(level('Red when')).getByLabelText('EAC above (% of BAC)')
  await user.clear(eac)
  await user.type(eac, '125')
  await user.click(screen.getByRole('button', { name: 'Save settings' }))

  expect(await findStatus()).toHaveTextContent('Settings saved.')
  expect(status()).not.toHaveTextContent('re-labelled')
  expect(patches(fetch).map((r) => r.body)).toEqual([{ ragThresholds: after.ragThresholds }])
  expect(within(level('Red when')).getByLabelText('CPI below')).toHaveValue(0.5)
  expect(client.getQueryState(['overview', { preset: '30d' }])?.isInvalidated).toBe(true)
})

test('a change of time zone says the daily figures are re-labelled in the background', async () => {
  const after = settingsFixture({
    timezone: 'America/New_York',
    updatedAt: '2026-11-27T12:00:00.000Z',
  })
  const fetch = stubSettings({
    'GET /settings': [{ body: { settings: settingsFixture() } }, { body: { settings: after } }],
    'PATCH /settings': {
      body: updatedFixture(after, { timezone: 'Europe/London', rebuilding: true }),
    },
  })
  const { user } = renderApp('/admin/settings')
  const zone = within(await form()).getByLabelText('Time zone')
  await user.clear(zone)
  await user.type(zone, 'America/New_York')
  await user.click(screen.getByRole('button', { name: 'Save settings' }))
  expect(await findStatus()).toHaveTextContent(
    'Settings saved. Daily figures are being re-labelled into the new time zone in the background; figures stay exact meanwhile.',
  )
  expect(patches(fetch).map((r) => r.body)).toEqual([{ timezone: 'America/New_York' }])
})

test('sets how long raw check samples are kept, saying what happens to older ones', async () => {
  const after = settingsFixture({
    rawSampleRetentionDays: 90,
    updatedAt: '2026-11-27T12:00:00.000Z',
  })
  const fetch = stubSettings({
    'GET /settings': [{ body: { settings: settingsFixture() } }, { body: { settings: after } }],
    'PATCH /settings': { body: updatedFixture(after) },
  })
  const { user } = renderApp('/admin/settings')
  const days = within(await form()).getByLabelText('Raw check samples kept (days)')
  expect(days).toHaveValue(30)
  expect(days).toHaveAccessibleDescription(
    /from 7 to 400 days\. older samples are deleted for good/i,
  )
  await user.clear(days)
  await user.type(days, '90')
  await user.click(screen.getByRole('button', { name: 'Save settings' }))
  expect(await findStatus()).toHaveTextContent('Settings saved.')
  expect(patches(fetch).map((r) => r.body)).toEqual([{ rawSampleRetentionDays: 90 }])
})

test('the API’s refusals are shown beside their fields, and nothing is said to be saved', async () => {
  stubSettings({
    'GET /settings': { body: { settings: settingsFixture() } },
    'PATCH /settings': {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Invalid request',
          details: [
            {
              path: 'json.timezone',
              message: 'Asia/Kolkata is UTC+05:30 (in 2000): opsdeck needs …',
            },
            {
              path: 'json.ragThresholds.red.cpi',
              message: "red CPI limit 0.97 must be below amber's 0.95",
            },
          ],
        },
      },
    },
  })
  const { user } = renderApp('/admin/settings')
  const f = await form()
  const zone = within(f).getByLabelText('Time zone')
  await user.clear(zone)
  await user.type(zone, 'Asia/Kolkata')
  const cpi = within(level('Red when')).getByLabelText('CPI below')
  await user.clear(cpi)
  await user.type(cpi, '0.97')
  await user.click(screen.getByRole('button', { name: 'Save settings' }))

  await waitFor(() => expect(zone).toHaveAttribute('aria-invalid', 'true'))
  expect(zone).toHaveAccessibleDescription(/Asia\/Kolkata is UTC\+05:30/)
  expect(cpi).toHaveAccessibleDescription("Red CPI limit 0.97 must be below amber's 0.95")
  expect(within(level('Amber when')).getByLabelText('CPI below')).not.toHaveAttribute(
    'aria-invalid',
  )
  expect(status()).toHaveTextContent('')
})

test('every message for a field is shown beside it, none in a form alert', async () => {
  stubSettings({
    'GET /settings': { body: { settings: settingsFixture() } },
    'PATCH /settings': {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Invalid request',
          details: [
            { path: 'json.ragThresholds.red.eacOverBac', message: 'must be from 1 to 3' },
            {
              path: 'json.ragThresholds.red.eacOverBac',
              message: "red EAC limit 99% of BAC must be above amber's 100%",
            },
          ],
        },
      },
    },
  })
  const { user } = renderApp('/admin/settings')
  await form()
  const eac = within(level('Red when')).getByLabelText('EAC above (% of BAC)')
  await user.clear(eac)
  await user.type(eac, '99')
  await user.click(screen.getByRole('button', { name: 'Save settings' }))

  await waitFor(() => expect(eac).toHaveAttribute('aria-invalid', 'true'))
  expect(eac).toHaveAccessibleDescription(
    "Must be from 1 to 3. Red EAC limit 99% of BAC must be above amber's 100%",
  )
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

const refusal = (details: { path: string; message: string }[]) => ({
  status: 400,
  body: { error: { code: 'validation_failed', message: 'Invalid request', details } },
})

test('a refused save moves focus to the first field with a problem, not the last one typed in', async () => {
  stubSettings({
    'GET /settings': { body: { settings: settingsFixture() } },
    'PATCH /settings': refusal([
      {
        path: 'json.ragThresholds.red.cpi',
        message: "red CPI limit 0.97 must be below amber's 0.95",
      },
      { path: 'json.workingDaysPerWeek', message: 'Too big: expected number to be <=7' },
    ]),
  })
  const { user } = renderApp('/admin/settings')
  const days = within(await form()).getByLabelText('Working days per week')
  await user.clear(days)
  await user.type(days, '8')
  const cpi = within(level('Red when')).getByLabelText('CPI below')
  await user.clear(cpi)
  await user.type(cpi, '0.97{Enter}')

  await waitFor(() => expect(days).toHaveFocus())
  expect(days).toHaveAccessibleDescription('Too big: expected number to be <=7')
})

test('a refusal that is no field’s moves focus to the form’s alert', async () => {
  stubSettings({
    'GET /settings': { body: { settings: settingsFixture() } },
    'PATCH /settings': refusal([{ path: 'json', message: 'Unrecognized key: "x"' }]),
  })
  const { user } = renderApp('/admin/settings')
  const name = within(await form()).getByLabelText('Organisation name')
  await user.type(name, ' IT{Enter}')

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The settings were not saved: Unrecognized key: "x"')
  await waitFor(() => expect(alert).toHaveFocus())
})

test('sends nothing when nothing changed', async () => {
  const fetch = stubSettings({
    'GET /settings': { body: { settings: settingsFixture() } },
  })
  const { user } = renderApp('/admin/settings')
  await form()
  await user.click(screen.getByRole('button', { name: 'Save settings' }))
  expect(status()).toHaveTextContent('Nothing to save')
  expect(patches(fetch)).toHaveLength(0)
})

test('is for admins only', async () => {
  stubApi({
    'GET /auth/me': signedIn('manager'),
    'GET /settings': { body: { settings: settingsFixture() } },
  })
  renderApp('/admin/settings')
  expect(await screen.findByRole('heading', { name: /don’t have access/ })).toBeInTheDocument()
  expect(screen.queryByRole('form', { name: 'Organisation settings' })).not.toBeInTheDocument()
  expect(screen.queryByRole('form', { name: 'Incident response targets' })).not.toBeInTheDocument()
  expect(screen.queryByRole('form', { name: 'Alertmanager labels' })).not.toBeInTheDocument()
})
