import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface FirstLoad {
  /** The first load after the server started: its figures computed for this visit. */
  coldMs: number
  /** The median of the next loads, each in a fresh browser (no HTTP cache), figures shared. */
  warmMs: number
  runs: number
}

/**
 * The Overview's first load as a signed-in manager opens it in Chromium: from navigation to the
 * tier table of Service health and the ranked Needs attention on screen. Each load is a new browser
 * context, so nothing is cached in the browser. Null when there is no Chromium.
 */
export async function measureFirstLoad(
  base: string,
  cookie: string,
  runs = 7,
): Promise<FirstLoad | null> {
  if (!existsSync(CHROMIUM)) return null
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  const [name, value] = cookie.split('=') as [string, string]
  const times: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      await context.addCookies([{ name, value, url: base }])
      const page = await context.newPage()
      const started = performance.now()
      await page.goto(`${base}/`)
      await page
        .getByRole('table', { name: 'Uptime by tier against SLO targets' })
        .getByRole('row', { name: /^Tier \d/ })
        .first()
        .waitFor({ timeout: 60_000 })
      // Its loading placeholder is named 'Needs attention (loading)'.
      await page
        .getByRole('region', { name: 'Needs attention', exact: true })
        .waitFor({ timeout: 60_000 })
      times.push(performance.now() - started)
      await context.close()
    }
  } finally {
    await browser.close()
  }
  const [coldMs, ...rest] = times as [number, ...number[]]
  rest.sort((a, b) => a - b)
  return { coldMs, warmMs: rest[Math.floor(rest.length / 2)] ?? coldMs, runs }
}
