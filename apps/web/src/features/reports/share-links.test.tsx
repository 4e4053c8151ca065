import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { renderPart } from '../../testing/render-part.tsx'
import { requests, stubApi } from '../../testing/render-app.tsx'
import { ShareLinks } from './share-links.tsx'
import type { CreatedShareLink, ShareLink } from './share-queries.ts'

const TOKEN = 'ods_s3cr3t-token-shown-once'
const link = (over: Partial<ShareLink> = {}): ShareLink => ({
  id: 7,
  snapshotId: 41,
  label: 'Board pack',
  expiresAt: '2027-01-02T11:00:00.000Z',
  createdAt: '2026-12-03T11:00:00.000Z',
  revokedAt: null,
  lastUsedAt: null,
  createdBy: 'Mo Manager',
  ...over,
})
const created: CreatedShareLink = {
  id: 8,
  snapshotId: 41,
  label: 'Audit committee',
  expiresAt: '2026-12-10T11:00:00.000Z',
  createdAt: '2026-12-03T11:00:00.000Z',
  token: TOKEN,
}
const renderPanel = (canManage = true) =>
  renderPart(<ShareLinks snapshotId={41} canManage={canManage} />, '/reports/snapshots/41')
const table = () => screen.findByRole('table', { name: 'Share links, newest first' })

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-05T12:00:00Z'))
})
afterEach(() => vi.useRealTimers())

test('lists the links with their status: active, expired, revoked', async () => {
  stubApi({
    'GET /reports/snapshots/:id/share-links': {
      body: {
        links: [
          link({ id: 9, label: '', lastUsedAt: '2026-12-04T09:30:00.000Z' }),
          link({ id: 8, label: 'Old', expiresAt: '2026-12-04T00:00:00.000Z' }),
          link({ id: 7, revokedAt: '2026-12-04T10:00:00.000Z' }),
        ],
      },
    },
  })
  renderPanel()
  const rows = within(await table())
    .getAllByRole('row')
    .slice(1)
  expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual([
    'Active',
    'Expired',
    expect.stringMatching(/^Revoked 4 Dec 2026/),
  ])
  expect(rows[0]).toHaveTextContent('Link 9')
  expect(rows[0]).toHaveTextContent('4 Dec 2026, 09:30')
  expect(rows[1]).toHaveTextContent('Never')
  // Only a link that still opens can be revoked.
  expect(screen.getAllByRole('button', { name: /^Revoke/ })).toHaveLength(1)
})

test('creates a link and shows its address once, with Copy', async () => {
  const fetch = stubApi({
    'GET /reports/snapshots/:id/share-links': [
      { body: { links: [] } },
      { body: { links: [link({ id: 8 })] } },
    ],
    'POST /reports/snapshots/:id/share-links': { status: 201, body: created },
  })
  const { user, client } = renderPanel()
  expect(await screen.findByText('Not shared yet')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'New share link' }))
  const days = screen.getByLabelText('Opens for (days)')
  expect(days).toHaveValue(30)
  await user.clear(days)
  await user.type(days, '7')
  await user.type(screen.getByLabelText('Label (optional)'), 'Audit committee')
  await user.click(screen.getByRole('button', { name: 'Create link' }))

  const reveal = await screen.findByRole('region', { name: 'Share link created' })
  const url = `${window.location.origin}/shared/${TOKEN}`
  expect(within(reveal).getByLabelText('Share link address')).toHaveValue(url)
  expect(within(reveal).getByRole('heading')).toHaveFocus()
  await user.click(within(reveal).getByRole('button', { name: 'Copy' }))
  expect(await navigator.clipboard.readText()).toBe(url)
  expect(within(reveal).getByRole('status')).toHaveTextContent('Copied to the clipboard.')
  const post = requests(fetch).find((r) => r.method === 'POST')
  expect(post?.url.pathname).toBe('/api/v1/reports/snapshots/41/share-links')
  expect(post?.body).toEqual({ days: 7, label: 'Audit committee' })
  expect(await table()).toBeInTheDocument()

  await user.click(within(reveal).getByRole('button', { name: 'Done' }))
  expect(screen.queryByDisplayValue(url)).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'New share link' })).toHaveFocus()
  // The token is kept nowhere the page could show it again.
  const cached = client
    .getQueryCache()
    .getAll()
    .map((q) => q.state.data)
  expect(JSON.stringify(cached)).not.toContain(TOKEN)
  expect(client.getMutationCache().getAll()).toHaveLength(0)
})

test('a day count out of range is refused before asking the API', async () => {
  const fetch = stubApi({ 'GET /reports/snapshots/:id/share-links': { body: { links: [] } } })
  const { user } = renderPanel()
  await user.click(await screen.findByRole('button', { name: 'New share link' }))
  const days = screen.getByLabelText('Opens for (days)')
  await user.clear(days)
  await user.type(days, '400')
  await user.click(screen.getByRole('button', { name: 'Create link' }))
  expect(days).toHaveAccessibleDescription(/A whole number of days, 1 to 365/)
  expect(requests(fetch).filter((r) => r.method === 'POST')).toHaveLength(0)
})

test('revokes a link after asking', async () => {
  const fetch = stubApi({
    'GET /reports/snapshots/:id/share-links': [
      { body: { links: [link()] } },
      { body: { links: [link({ revokedAt: '2026-12-05T12:00:00.000Z' })] } },
    ],
    'DELETE /reports/share-links/:id': { status: 204 },
  })
  const { user } = renderPanel()
  await table()
  await user.click(screen.getByRole('button', { name: 'Revoke Board pack' }))
  const ask = screen.getByRole('group', { name: /Revoke “Board pack”\?/ })
  await user.click(within(ask).getByRole('button', { name: 'Revoke link' }))
  await waitFor(() => expect(screen.getByText(/^Revoked 5 Dec 2026/)).toBeInTheDocument())
  const del = requests(fetch).find((r) => r.method === 'DELETE')
  expect(del?.url.pathname).toBe('/api/v1/reports/share-links/7')
  expect(screen.queryByRole('button', { name: /^Revoke/ })).not.toBeInTheDocument()
})

test('a viewer sees no share links and nothing is asked of the API', () => {
  const fetch = stubApi({})
  renderPanel(false)
  expect(screen.queryByRole('heading', { name: 'Share links' })).not.toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'New share link' })).not.toBeInTheDocument()
  expect(fetch).not.toHaveBeenCalled()
})
