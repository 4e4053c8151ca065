// The SPA's first-load JavaScript budget: what dist/index.html makes the browser fetch before any
// page's lazy chunk — the entry script, its modulepreload links and, in case preload links are ever
// turned off, every chunk those import statically — gzipped one by one and summed. Over the budget
// it exits 1 (CI's "web bundle budget" step).
//
//   node apps/web/scripts/check-bundle.ts [distDir]    (after `pnpm --filter @opsdeck/web build`)
//
// Sizes are gzip at level 9 (node:zlib), as a server or CDN precompressing the files would send
// them; 1 kB = 1,000 bytes, as Vite's build report counts.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, posix, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const BUDGET_BYTES = 150_000
export const GZIP_LEVEL = 9

/** The attributes of each `<tag …>` in the html, names lower-cased. */
function tags(html: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = []
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {}
    for (const a of (m[1] ?? '').matchAll(
      /([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
    ))
      attrs[(a[1] ?? '').toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? ''
    found.push(attrs)
  }
  return found
}

/** The JavaScript index.html loads up front: module scripts, then modulepreload links, in order. */
export function initialScripts(html: string): string[] {
  const scripts = tags(html, 'script')
    .filter((s) => s.src && s.type === 'module')
    .map((s) => s.src as string)
  const preloads = tags(html, 'link')
    .filter((l) => l.href && (l.rel ?? '').toLowerCase().split(/\s+/).includes('modulepreload'))
    .map((l) => l.href as string)
  return [...new Set([...scripts, ...preloads])]
}

/**
 * The chunks a built chunk imports statically (`import … from"./x.js"`, `import"./x.js"`,
 * `export … from"./x.js"`), never `import("./x.js")`, which is what a lazy page is.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>()
  for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*(["'])(\.{0,2}\/[^"'\s]+?\.m?js)\1/g))
    found.add(m[2] as string)
  return [...found]
}

export interface Row {
  file: string
  bytes: number
  gzip: number
  /** How it is loaded: 'entry', 'modulepreload' or 'static import'. */
  via: string
}

export interface Report {
  rows: Row[]
  total: number
  budget: number
  over: boolean
}

/** Every chunk of the first load, gzipped; throws when index.html names a file dist lacks. */
export function measure(distDir: string, budget = BUDGET_BYTES): Report {
  const indexPath = join(distDir, 'index.html')
  if (!existsSync(indexPath))
    throw new Error(
      `${indexPath} not found: build the web first (pnpm --filter @opsdeck/web build)`,
    )
  const html = readFileSync(indexPath, 'utf8')
  const listed = initialScripts(html)
  if (listed.length === 0) throw new Error(`${indexPath} loads no module script`)
  const entries = new Set(
    tags(html, 'script')
      .filter((s) => s.type === 'module')
      .map((s) => s.src),
  )
  const rows: Row[] = []
  const seen = new Set<string>()
  // Paths in index.html are from the site root (Vite's base '/'); chunks import each other relatively.
  const queue = listed.map((src) => ({
    path: posix.normalize(new URL(src, 'http://site/').pathname),
    via: entries.has(src) ? 'entry' : 'modulepreload',
  }))
  for (let item = queue.shift(); item; item = queue.shift()) {
    if (seen.has(item.path)) continue
    seen.add(item.path)
    const file = join(distDir, item.path)
    if (!existsSync(file))
      throw new Error(`index.html loads ${item.path}, which is not in ${distDir}`)
    const code = readFileSync(file)
    rows.push({
      file: item.path.replace(/^\//, ''),
      bytes: code.length,
      gzip: gzipSync(code, { level: GZIP_LEVEL }).length,
      via: item.via,
    })
    for (const spec of staticImports(code.toString('utf8')))
      queue.push({ path: posix.join(posix.dirname(item.path), spec), via: 'static import' })
  }
  const total = rows.reduce((sum, r) => sum + r.gzip, 0)
  return { rows, total, budget, over: total > budget }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`

/** The report as a table, largest chunk first, with the total against the budget. */
export function formatReport(report: Report): string {
  const rows = [...report.rows].sort((a, b) => b.gzip - a.gzip)
  const width = Math.max(...rows.map((r) => r.file.length), 'total'.length)
  const line = (file: string, raw: string, gz: string, via: string) =>
    `${file.padEnd(width)}  ${raw.padStart(11)}  ${gz.padStart(11)}  ${via}`
  return [
    line('file', 'raw', `gzip -${GZIP_LEVEL}`, 'loaded as'),
    ...rows.map((r) => line(r.file, kB(r.bytes), kB(r.gzip), r.via)),
    line('total', kB(report.rows.reduce((s, r) => s + r.bytes, 0)), kB(report.total), ''),
    '',
    report.over
      ? `Over budget: the first load is ${kB(report.total)} gzipped, the budget ${kB(report.budget)}. Lazy-load what the first page does not need (apps/web/src/app/routes.tsx).`
      : `Within budget: ${kB(report.total)} of ${kB(report.budget)} gzipped.`,
  ].join('\n')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = resolve(
    process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../dist'),
  )
  try {
    const report = measure(distDir)
    console.log(formatReport(report))
    process.exitCode = report.over ? 1 : 0
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
