import { queryOptions, useMutation } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson, fetchOk } from '../../lib/api.ts'

type LinksRoute = (typeof api.reports.snapshots)[':id']['share-links']
export type ShareLink = InferResponseType<LinksRoute['$get'], 200>['links'][number]
export type NewShareLink = InferRequestType<LinksRoute['$post']>['json']
/** The new link with its secret token: shown once, never cached. */
export type CreatedShareLink = InferResponseType<LinksRoute['$post'], 201>

const param = (id: number) => ({ param: { id: String(id) } })

// Under ['reports', 'share-links'], apart from the snapshot itself (which never changes).
export const shareQueries = {
  all: () => ['reports', 'share-links'] as const,
  links: (snapshotId: number) =>
    queryOptions({
      queryKey: [...shareQueries.all(), snapshotId] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.reports.snapshots[':id']['share-links'].$get(param(snapshotId), { init: { signal } }),
        ),
      select: (data) => data.links,
    }),
}

/** The address a share link opens: the token is in it, so it is as secret as the token. */
export const sharedUrl = (token: string, origin = window.location.origin) =>
  `${origin}/shared/${encodeURIComponent(token)}`

export const useCreateShareLink = (snapshotId: number) =>
  useMutation({
    mutationFn: (body: NewShareLink) =>
      fetchJson(
        api.reports.snapshots[':id']['share-links'].$post({ ...param(snapshotId), json: body }),
      ),
    // The token lives in this mutation only until the reveal is dismissed.
    gcTime: 0,
    meta: { invalidates: [shareQueries.links(snapshotId).queryKey] },
  })

export const useRevokeShareLink = (snapshotId: number) =>
  useMutation({
    mutationFn: (id: number) => fetchOk(api.reports['share-links'][':id'].$delete(param(id))),
    meta: { invalidates: [shareQueries.links(snapshotId).queryKey] },
  })

export type LinkStatus = 'active' | 'expired' | 'revoked'

/** Revoked wins over expired: it was a decision. */
export function linkStatus(
  link: Pick<ShareLink, 'expiresAt' | 'revokedAt'>,
  now = Date.now(),
): LinkStatus {
  if (link.revokedAt) return 'revoked'
  return Date.parse(link.expiresAt) <= now ? 'expired' : 'active'
}
