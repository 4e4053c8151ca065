import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** The operating system's Chromium (none can be downloaded here), or one clear reason why not. */
export function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM
  if (existsSync(executablePath)) return executablePath
  const err = new Error(
    `Chromium not found at ${executablePath}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
  )
  err.stack = `${err.name}: ${err.message}` // one line, not a trace into this helper
  throw err
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  })
}
