import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { signedIn } from '../../testing/fixtures.ts'
import { renderApp, type Reply, requests, stubApi } from '../../testing/render-app.tsx'
import { incidentSettingsFixture, settingsFixture } from '../../testing/settings-fixture.ts'

// The settings page's incident parts: response targets per severity and Alertmanager labels.

const stubSettings = (routes: Record<string, Reply | Reply[]> = {}) =>
  stubApi({
    'GET /auth/me': signedIn('admin'),
    'GET /settings': { body: { settings: settingsFixture() } },
    'GET /incidents/response-targets': { body: incidentSettingsFixture() },
    ...routes,
  })
const targetsForm = () => screen.findByRole('form', { name: 'Incident response targets' })
const labelsForm = () => screen.findByRole('form', { name: 'Alertmanager labels' })
const severity = (name: RegExp) => screen.getByRole('group', { name })
const amount = (group: HTMLElement, name: 'Acknowledge within' | 'Resolve within') =>
  within(group).getByRole('spinbutton', { name })
const unit = (group: HTMLElement, name: 'Acknowledge within' | 'Resolve within') =>
  within(group).getByRole('combobox', { name: `${name}, unit` })
const statusOf = (name: string) => within(screen.getByRole('region', { name })).getByRole('status')
const writes = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch)
    .filter((r) => r.method !== 'GET')
    .map((r) => ({ method: r.method, path: r.url.pathname, body: r.body }))
const refusal = (details: { path: string; message: string }[]) => ({
  status: 400,
  body: { error: { code: 'validation_failed', message: 'Invalid request', details } },
})
const DEFAULT_PUT = incidentSettingsFixture().targets

describe('Incident response targets', { timeout: 20_000 }, () => {
  test('shows each severity’s targets in a friendly unit, with its default', async () => {
    stubSettings()
    renderApp('/admin/settings')
    await targetsForm()
    const sev1 = severity(/^SEV1 · Critical$/)
    expect(amount(sev1, 'Acknowledge within')).toHaveValue(5)
    expect(unit(sev1, 'Acknowledge within')).toHaveValue('minutes')
    expect(amount(sev1, 'Acknowledge within')).toHaveAccessibleDescription('Default 5m')
    expect(amount(sev1, 'Resolve within')).toHaveValue(4)
    expect(unit(sev1, 'Resolve within')).toHaveValue('hours')
    const sev4 = severity(/^SEV4 · Low$/)
    expect(amount(sev4, 'Acknowledge within')).toHaveValue(1)
    expect(unit(sev4, 'Acknowledge within')).toHaveValue('days')
    expect(amount(sev4, 'Resolve within')).toHaveValue(10)
    expect(amount(sev4, 'Resolve within')).toHaveAccessibleDescription('Default 10d')
    expect(
      within(screen.getByRole('region', { name: 'Incident response targets' })).getByText(
        /breaches are counted against the targets in force now/,
      ),
    ).toBeInTheDocument()
  })

  test('sends all four in minutes, says so, and refreshes the incidents', async () => {
    const after = [
      DEFAULT_PUT[0]!,
      { severity: 'SEV2', ackMinutes: 10, resolveMinutes: 480 },
      DEFAULT_PUT[2]!,
      { severity: 'SEV4', ackMinutes: 1440, resolveMinutes: 20_160 },
    ] as const
    const fetch = stubSettings({
      'GET /incidents/response-targets': [
        { body: incidentSettingsFixture() },
        { body: incidentSettingsFixture({ targets: [...after] }) },
      ],
      'PUT /incidents/response-targets': { body: incidentSettingsFixture({ targets: [...after] }) },
    })
    const { user, client } = renderApp('/admin/settings')
    client.setQueryData(['incidents', 'list', {}], {})
    await targetsForm()
    const sev2 = severity(/^SEV2/)
    await user.clear(amount(sev2, 'Acknowledge within'))
    await user.type(amount(sev2, 'Acknowledge within'), '10')
    const sev4 = severity(/^SEV4/)
    await user.clear(amount(sev4, 'Resolve within'))
    await user.type(amount(sev4, 'Resolve within'), '14')
    await user.click(screen.getByRole('button', { name: 'Save response targets' }))

    await waitFor(() =>
      expect(statusOf('Incident response targets')).toHaveTextContent('Response targets saved.'),
    )
    expect(writes(fetch)).toEqual([
      { method: 'PUT', path: '/api/v1/incidents/response-targets', body: { targets: after } },
    ])
    expect(amount(severity(/^SEV4/), 'Resolve within')).toHaveValue(14)
    expect(client.getQueryState(['incidents', 'list', {}])?.isInvalidated).toBe(true)
  })

  test('a unit changes what is sent; the same minutes in another unit send nothing', async () => {
    const fetch = stubSettings({
      'PUT /incidents/response-targets': { body: incidentSettingsFixture() },
    })
    const { user } = renderApp('/admin/settings')
    await targetsForm()
    const sev1 = severity(/^SEV1/)
    await user.clear(amount(sev1, 'Resolve within'))
    await user.type(amount(sev1, 'Resolve within'), '240')
    await user.selectOptions(unit(sev1, 'Resolve within'), 'minutes')
    await user.click(screen.getByRole('button', { name: 'Save response targets' }))
    expect(statusOf('Incident response targets')).toHaveTextContent(
      'Nothing to save: no target was changed.',
    )
    await user.selectOptions(unit(sev1, 'Resolve within'), 'hours')
    expect(statusOf('Incident response targets')).toHaveTextContent('')
    await user.click(screen.getByRole('button', { name: 'Save response targets' }))
    await waitFor(() => expect(writes(fetch)).toHaveLength(1))
    expect(writes(fetch)[0]?.body).toEqual({
      targets: [{ ...DEFAULT_PUT[0], resolveMinutes: 240 * 60 }, ...DEFAULT_PUT.slice(1)],
    })
  })

  test('checks the units typed before sending, and focus goes to the first problem', async () => {
    const fetch = stubSettings()
    const { user } = renderApp('/admin/settings')
    await targetsForm()
    const sev3 = severity(/^SEV3/)
    await user.clear(amount(sev3, 'Acknowledge within'))
    await user.type(amount(sev3, 'Acknowledge within'), '4')
    await user.selectOptions(unit(sev3, 'Acknowledge within'), 'days')
    const sev2 = severity(/^SEV2/)
    await user.clear(amount(sev2, 'Resolve within'))
    await user.type(amount(sev2, 'Resolve within'), '1.01')
    await user.click(screen.getByRole('button', { name: 'Save response targets' }))

    await waitFor(() => expect(amount(sev2, 'Resolve within')).toHaveFocus())
    expect(amount(sev2, 'Resolve within')).toHaveAccessibleDescription(
      'Default 8h Must come to whole minutes: 1.5 hours is 90 minutes',
    )
    expect(amount(sev3, 'Resolve within')).toHaveAttribute('aria-invalid', 'true')
    expect(amount(sev3, 'Resolve within')).toHaveAccessibleDescription(
      'Default 3d Must be at least the acknowledgement target (4d)',
    )
    expect(amount(sev3, 'Acknowledge within')).not.toHaveAttribute('aria-invalid')
    expect(writes(fetch)).toEqual([])
  })

  test('the API’s refusals land on the severity they name; focus goes there', async () => {
    stubSettings({
      'PUT /incidents/response-targets': refusal([
        { path: 'json.targets.1.ackMinutes', message: 'must be at most 129600 (90 days)' },
      ]),
    })
    const { user } = renderApp('/admin/settings')
    await targetsForm()
    const sev1 = severity(/^SEV1/)
    await user.clear(amount(sev1, 'Acknowledge within'))
    await user.type(amount(sev1, 'Acknowledge within'), '7{Enter}')

    const sev2 = severity(/^SEV2/)
    await waitFor(() => expect(amount(sev2, 'Acknowledge within')).toHaveFocus())
    expect(amount(sev2, 'Acknowledge within')).toHaveAccessibleDescription(
      'Default 15m Must be at most 129600 (90 days)',
    )
    expect(statusOf('Incident response targets')).toHaveTextContent('')
  })

  test('a refusal that is no field’s is said in an alert, which takes focus', async () => {
    stubSettings({
      'PUT /incidents/response-targets': {
        status: 403,
        body: { error: { code: 'forbidden', message: 'Admins only' } },
      },
    })
    const { user } = renderApp('/admin/settings')
    await targetsForm()
    await user.type(amount(severity(/^SEV4/), 'Acknowledge within'), '0')
    await user.click(screen.getByRole('button', { name: 'Save response targets' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Admins only')
    await waitFor(() => expect(alert).toHaveFocus())
  })

  test('Reset to defaults fills in the issue’s targets, to be saved', async () => {
    const changed = incidentSettingsFixture({
      targets: [{ severity: 'SEV1', ackMinutes: 10, resolveMinutes: 120 }, ...DEFAULT_PUT.slice(1)],
    })
    const fetch = stubSettings({
      'GET /incidents/response-targets': [{ body: changed }, { body: incidentSettingsFixture() }],
      'PUT /incidents/response-targets': { body: incidentSettingsFixture() },
    })
    const { user } = renderApp('/admin/settings')
    await targetsForm()
    const sev1 = severity(/^SEV1/)
    expect(amount(sev1, 'Resolve within')).toHaveValue(2)
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }))
    expect(amount(sev1, 'Acknowledge within')).toHaveValue(5)
    expect(amount(sev1, 'Resolve within')).toHaveValue(4)
    expect(statusOf('Incident response targets')).toHaveTextContent(
      'Defaults filled in: save the response targets to apply them.',
    )
    expect(writes(fetch)).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Save response targets' }))
    await waitFor(() =>
      expect(statusOf('Incident response targets')).toHaveTextContent('Response targets saved.'),
    )
    expect(writes(fetch).map((w) => w.body)).toEqual([{ targets: DEFAULT_PUT }])
  })

  test('a failed load says so with Retry; the other settings still load', async () => {
    stubSettings({
      'GET /incidents/response-targets': [
        { status: 500, body: { error: { code: 'internal', message: 'Something broke' } } },
        { body: incidentSettingsFixture() },
      ],
    })
    const { user } = renderApp('/admin/settings')
    expect(await screen.findByRole('form', { name: 'Organisation settings' })).toBeInTheDocument()
    const [targets, labels] = await screen.findAllByRole('alert')
    expect(targets).toHaveTextContent('Could not load the response targets')
    expect(labels).toHaveTextContent('Could not load the Alertmanager labels')
    // One answer feeds both parts: either Retry loads both.
    await user.click(within(labels!).getByRole('button', { name: 'Retry' }))
    expect(await targetsForm()).toBeInTheDocument()
    expect(await labelsForm()).toBeInTheDocument()
  })
})

describe('Alertmanager labels', () => {
  test('shows the labels, mentions the README, and sends only the one changed', async () => {
    const after = incidentSettingsFixture({
      intake: { alertmanagerSeverityLabel: 'severity', alertmanagerServiceLabel: 'app' },
    })
    const fetch = stubSettings({
      'GET /incidents/response-targets': [{ body: incidentSettingsFixture() }, { body: after }],
      'PATCH /incidents/intake-settings': { body: after },
    })
    const { user } = renderApp('/admin/settings')
    const form = await labelsForm()
    expect(
      within(screen.getByRole('region', { name: 'Alertmanager labels' })).getByText(
        /README’s “Alertmanager” section/,
      ),
    ).toBeInTheDocument()
    expect(within(form).getByRole('textbox', { name: 'Severity label' })).toHaveValue('severity')
    expect(
      within(form).getByRole('textbox', { name: 'Severity label' }),
    ).toHaveAccessibleDescription(/critical → SEV1/)
    const service = within(form).getByRole('textbox', { name: 'Service label' })
    expect(service).toHaveValue('service')
    await user.clear(service)
    await user.type(service, 'app')
    await user.click(within(form).getByRole('button', { name: 'Save labels' }))

    await waitFor(() => expect(statusOf('Alertmanager labels')).toHaveTextContent('Labels saved.'))
    expect(writes(fetch)).toEqual([
      {
        method: 'PATCH',
        path: '/api/v1/incidents/intake-settings',
        body: { alertmanagerServiceLabel: 'app' },
      },
    ])
    expect(within(await labelsForm()).getByRole('textbox', { name: 'Service label' })).toHaveValue(
      'app',
    )
  })

  test('the API’s refusal is shown beside its label, which takes focus', async () => {
    stubSettings({
      'PATCH /incidents/intake-settings': refusal([
        {
          path: 'json.alertmanagerServiceLabel',
          message:
            'must differ from alertmanagerSeverityLabel (severity): one label cannot give both',
        },
      ]),
    })
    const { user } = renderApp('/admin/settings')
    const service = within(await labelsForm()).getByRole('textbox', { name: 'Service label' })
    await user.clear(service)
    await user.type(service, 'severity{Enter}')
    await waitFor(() => expect(service).toHaveFocus())
    expect(service).toHaveAttribute('aria-invalid', 'true')
    expect(service).toHaveAccessibleDescription(
      /Must differ from alertmanagerSeverityLabel \(severity\): one label cannot give both$/,
    )
    expect(statusOf('Alertmanager labels')).toHaveTextContent('')
  })

  test('sends nothing when nothing changed', async () => {
    const fetch = stubSettings()
    const { user } = renderApp('/admin/settings')
    await user.click(within(await labelsForm()).getByRole('button', { name: 'Save labels' }))
    expect(statusOf('Alertmanager labels')).toHaveTextContent('Nothing to save')
    expect(writes(fetch)).toEqual([])
  })
})
