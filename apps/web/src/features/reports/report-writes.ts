import { useMutation } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { api, fetchJson, fetchOk } from '../../lib/api.ts'

/** POST /reports/snapshots: the period, and the manager's title and summary as edited. */
export type NewSnapshot = InferRequestType<typeof api.reports.snapshots.$post>['json']

// A freeze adds to the archive (['reports', 'snapshots']); the preview itself is unchanged.
export const useFreezeReport = () =>
  useMutation({
    mutationFn: (body: NewSnapshot) => fetchJson(api.reports.snapshots.$post({ json: body })),
    meta: { invalidates: [['reports', 'snapshots']] },
  })

/**
 * Downloads a snapshot's PDF at `href` (its own, or a share link's). A failure throws the API's
 * error: 503 `pdf_unavailable` when the server has no Chromium, which the page answers with print.
 */
export const useDownloadPdf = (href: string, fallbackName: string) =>
  useMutation({
    mutationFn: async () => {
      let response: Response | undefined
      // fetchOk turns a refusal or a network failure into the usual ApiError.
      await fetchOk(fetch(href, { credentials: 'same-origin' }).then((r) => (response = r)))
      if (!response) return
      const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName
      save(await response.blob(), name)
    },
  })

function fileNameOf(disposition: string | null): string | undefined {
  return /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1]
}

function save(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(href), 1_000)
}
