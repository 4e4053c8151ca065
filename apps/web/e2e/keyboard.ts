import type { Page } from 'playwright-core'

// What axe cannot see: whether what the mouse can click, the keyboard can reach, and whether the
// keyboard's place on the page shows.

const MAX_TABS = 150 // a long table's row links: enough to pass the header, filters and a page of rows

/**
 * Elements drawn as clickable (a pointer cursor) that neither are nor sit inside something the
 * keyboard reaches (a link, a button, a form control, a label, or an element with a tabindex).
 */
export function clickableButUnreachable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const reachable =
      'a[href], button, input, select, textarea, summary, label, [tabindex], [contenteditable="true"]'
    const describe = (el: Element) => {
      const cls =
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : ''
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `${el.tagName.toLowerCase()}${cls}${text ? ` “${text}”` : ''}`
    }
    const found: string[] = []
    for (const el of document.body.querySelectorAll('*')) {
      if (getComputedStyle(el).cursor !== 'pointer') continue
      if (el.closest(reachable)) continue
      // A child of a pointer-cursor element inherits the cursor: name only the outermost one.
      const parent = el.parentElement
      if (parent && getComputedStyle(parent).cursor === 'pointer' && !parent.matches(reachable))
        continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      found.push(describe(el))
    }
    return found
  })
}

/**
 * Tabs through the page from the top and names each stop where focus does not show: no outline
 * and no box-shadow on the focused element. Returns the problems and how many stops it made.
 */
export async function focusWithoutIndicator(page: Page) {
  await page.evaluate(() => {
    ;(document.activeElement as HTMLElement | null)?.blur()
    window.scrollTo(0, 0)
  })
  // Focus starts from the document: the first Tab goes to the first focusable element.
  await page.locator('body').focus()
  const problems: string[] = []
  let stops = 0
  let first: string | null = null
  let previous: string | null = null
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const el = document.activeElement
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      const shadow = style.boxShadow !== 'none'
      const path: string[] = []
      for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) {
        const index = n.parentElement ? [...n.parentElement.children].indexOf(n) : 0
        path.unshift(`${n.tagName.toLowerCase()}:${index}`)
      }
      const labelled = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null
      const name = (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 40)
      const type = el.getAttribute('type')
      return {
        key: path.join('>'),
        label: `${el.tagName.toLowerCase()}${type ? `[type=${type}]` : ''}${name ? ` “${name}”` : ''}`,
        visible: outline || shadow,
      }
    })
    if (!stop) break // past the last element, back to the document
    // Round the page and back to the start (a date field is several stops in a row: its parts).
    if (stop.key === first && stop.key !== previous) break
    first ??= stop.key
    previous = stop.key
    stops++
    if (!stop.visible) problems.push(`${stop.label} shows no focus`)
  }
  return { problems, stops }
}

/** Fails, naming them, when clickable things are out of the keyboard's reach or focus does not show. */
export async function expectKeyboardUsable(page: Page, label: string) {
  const unreachable = await clickableButUnreachable(page)
  const { problems, stops } = await focusWithoutIndicator(page)
  const all = [
    ...unreachable.map((u) => `clickable but not reachable by keyboard: ${u}`),
    ...problems,
  ]
  if (all.length > 0) throw new Error(`keyboard problems on ${label}:\n  ${all.join('\n  ')}`)
  return stops
}
