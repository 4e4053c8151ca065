import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson, SAME_ORIGIN } from '../../../test/helpers.ts'
import { exampleApp, NOW } from '../../../test/worked-example.ts'
import { CreatedShareLink, SharedSnapshot, ShareLinkList } from './schemas.ts'

// A share link opens one snapshot without an account, until it expires or is revoked, and
// nothing else: it is no credential for any other route.
let ex: Awaited<ReturnType<typeof exampleApp>>
let manager: Record<string, string>
let snapshotId: number
beforeAll(async () => {
  ex = await exampleApp()
  manager = (await loginAs(ex, 'manager')).headers
  const res = await postJson(ex, '/api/v1/reports/snapshots', { period: 'month' }, manager)
  snapshotId = ((await res.json()) as { id: number }).id
})
afterAll(() => ex.drop())

const DAY_MS = 86_400_000
const anonymous = (path: string, headers: Record<string, string> = {}) =>
  ex.app.request(path, { headers })
const makeLink = async (body: unknown = {}, headers = manager) => {
  const res = await postJson(
    ex,
    `/api/v1/reports/snapshots/${snapshotId}/share-links`,
    body,
    headers,
  )
  return { status: res.status, body: (await res.json()) as CreatedShareLink }
}

describe('share links', () => {
  it('open their snapshot without an account, for 30 days by default', async () => {
    const { status, body } = await makeLink({ label: 'Board' })
    expect(status).toBe(201)
    const link = expectMatches(CreatedShareLink, body)
    expect(link.token).toMatch(/^ods_[A-Za-z0-9_-]{43}$/)
    expect(new Date(link.expiresAt).getTime() - NOW.getTime()).toBe(30 * DAY_MS)
    const res = await anonymous(`/api/v1/shared/${link.token}`)
    expect(res.status).toBe(200)
    const shared = expectMatches(SharedSnapshot, await res.json())
    expect(shared.snapshot.id).toBe(snapshotId)
    expect(shared.snapshot.report.period.label).toBe('October 2026')
    const csv = await anonymous(`/api/v1/shared/${link.token}/csv?table=figures`)
    expect(csv.status).toBe(200)
  })

  it('stop working when they expire', async () => {
    const { body: link } = await makeLink({ days: 1 })
    ex.clock.now = new Date(NOW.getTime() + DAY_MS - 1)
    expect((await anonymous(`/api/v1/shared/${link.token}`)).status).toBe(200)
    ex.clock.now = new Date(NOW.getTime() + DAY_MS)
    const gone = await anonymous(`/api/v1/shared/${link.token}`)
    expect(gone.status).toBe(410)
    expect(await gone.json()).toMatchObject({
      error: { code: 'share_link_gone', message: expect.stringContaining('expired on 2026-11-05') },
    })
    ex.clock.now = NOW
  })

  it('stop working at once when revoked, and say so', async () => {
    const { body: link } = await makeLink()
    const revoke = () =>
      ex.app.request(`/api/v1/reports/share-links/${link.id}`, {
        method: 'DELETE',
        headers: { ...manager, ...SAME_ORIGIN },
      })
    expect((await revoke()).status).toBe(204)
    expect((await revoke()).status).toBe(204)
    const gone = await anonymous(`/api/v1/shared/${link.token}`)
    expect(gone.status).toBe(410)
    expect(await gone.json()).toMatchObject({
      error: { message: expect.stringContaining('revoked') },
    })
    expect((await anonymous(`/api/v1/shared/${link.token}/csv`)).status).toBe(410)
    const list = await ex.app.request(`/api/v1/reports/snapshots/${snapshotId}/share-links`, {
      headers: manager,
    })
    const { links } = expectMatches(ShareLinkList, await list.json())
    expect(links.find((l) => l.id === link.id)?.revokedAt).not.toBeNull()
  })

  it('open nothing else: not as a bearer token, a cookie, or for another snapshot', async () => {
    const { body: link } = await makeLink()
    for (const path of [
      '/api/v1/overview',
      '/api/v1/reports/snapshots',
      `/api/v1/reports/snapshots/${snapshotId}`,
      '/api/v1/auth/me',
    ]) {
      const bearer = await anonymous(path, { Authorization: `Bearer ${link.token}` })
      expect(bearer.status, path).toBe(401)
      const cookie = await anonymous(path, { Cookie: `opsdeck_session=${link.token}` })
      expect(cookie.status, path).toBe(401)
    }
    expect((await anonymous('/api/v1/shared/ods_not-a-real-link')).status).toBe(404)
    expect((await anonymous(`/api/v1/shared/${link.token}x`)).status).toBe(404)
  })

  it('are made and revoked by managers; viewers may not; unknown ones are 404', async () => {
    const viewer = (await loginAs(ex, 'viewer')).headers
    expect((await makeLink({}, viewer)).status).toBe(403)
    expect((await makeLink({ days: 0 })).status).toBe(400)
    expect((await makeLink({ days: 366 })).status).toBe(400)
    const missing = await postJson(ex, '/api/v1/reports/snapshots/999999/share-links', {}, manager)
    expect(missing.status).toBe(404)
    const revoke = await ex.app.request('/api/v1/reports/share-links/999999', {
      method: 'DELETE',
      headers: { ...manager, ...SAME_ORIGIN },
    })
    expect(revoke.status).toBe(404)
  })
})
