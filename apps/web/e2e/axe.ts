import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core'
import type { Page } from 'playwright-core'

// axe-core checks the rendered page in the browser. Its script is evaluated through the DevTools
// protocol (page.evaluate), which the app's Content-Security-Policy does not apply to; a <script>
// tag would be refused.
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
}
// Only colours change with the scheme: the other rules need not run twice.
const COLOURS_ONLY: RunOptions = {
  runOnly: { type: 'rule', values: ['color-contrast'] },
  resultTypes: ['violations'],
}

const FAILING: ImpactValue[] = ['serious', 'critical']

export type Scheme = 'light' | 'dark'

/** The violations in words: rule, impact, what it asks, and the elements (a few of each). */
export function describeViolations(violations: Result[], max = 6): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, max).map((n) => {
        const why = (n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim()
        return `    ${n.target.join(' ')}${why ? `\n      ${why}` : ''}`
      })
      const more = v.nodes.length > max ? [`    … and ${v.nodes.length - max} more`] : []
      return [`  ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.helpUrl})`, ...nodes, ...more].join(
        '\n',
      )
    })
    .join('\n')
}

/** Runs axe on the page as it is now, in one colour scheme; all violations, any impact. */
export async function runAxe(page: Page, scheme: Scheme, options = OPTIONS): Promise<Result[]> {
  // Reduced motion: no transition is half-way through its colours when contrast is measured.
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.evaluate(await axeSource)
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run: (o: RunOptions) => Promise<AxeResults> } }).axe.run(
        options,
      ),
    options,
  )
  return results.violations
}

/**
 * Fails, listing them, when the page has serious or critical accessibility violations (WCAG 2.1
 * A and AA, and axe's best practices) in the first colour scheme, or contrast failures in the
 * others. Returns the moderate and minor ones, for a journey to report without failing.
 */
export async function expectAccessible(
  page: Page,
  label: string,
  schemes: Scheme[] = ['light', 'dark'],
): Promise<string[]> {
  const failures: string[] = []
  const lesser: string[] = []
  try {
    for (const [i, scheme] of schemes.entries()) {
      const violations = await runAxe(page, scheme, i === 0 ? OPTIONS : COLOURS_ONLY)
      const failing = violations.filter((v) => FAILING.includes(v.impact ?? null))
      if (failing.length > 0) failures.push(`${label} (${scheme}):\n${describeViolations(failing)}`)
      for (const v of violations.filter((x) => !failing.includes(x))) {
        lesser.push(`${label} (${scheme}): ${v.id} [${v.impact ?? 'n/a'}] × ${v.nodes.length}`)
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: null })
  }
  if (failures.length > 0) {
    throw new Error(`serious or critical accessibility violations on ${failures.join('\n')}`)
  }
  return lesser
}
