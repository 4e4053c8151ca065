import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { TestContext } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import type { AppServer } from './app-server.ts'

export const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url))

/** What every journey gets: the one running app and the one browser. */
export interface Journey {
  app: AppServer
  browser: Browser
}

export type JourneyFn = (t: TestContext, journey: Journey) => Promise<void>

/**
 * A fresh browser context (its own cookies: nobody signed in) and a page whose console errors
 * and uncaught exceptions are collected, so a journey can assert there were none. The browser
 * logs every failed fetch as an error: `expectedStatuses` are the refusals a journey provokes.
 */
export async function openPage(browser: Browser, expectedStatuses: number[] = [401]) {
  // A UK organisation's manager: British dates in the date pickers, London time.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const status = /status of (\d{3})/.exec(m.text())?.[1]
    if (status && expectedStatuses.includes(Number(status))) return
    problems.push(`console: ${m.text()}`)
  })
  return { context, page, problems }
}

export async function screenshot(page: Page, name: string) {
  await mkdir(screenshots, { recursive: true })
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

/** Signs in through the form, as a person would, and waits to leave the sign-in page. */
export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(who.password)
  await page.getByLabel('Password').press('Enter')
  await page.waitForURL((url) => url.pathname !== '/login')
}
