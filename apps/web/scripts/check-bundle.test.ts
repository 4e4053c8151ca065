// @vitest-environment node
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { afterEach, expect, test } from 'vitest'
import {
  BUDGET_BYTES,
  formatReport,
  initialScripts,
  measure,
  staticImports,
} from './check-bundle.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A tiny dist: index.html plus the given files under it. */
function dist(html: string, files: Record<string, string | Buffer>) {
  const dir = mkdtempSync(join(tmpdir(), 'check-bundle-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), html)
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body)
  return dir
}

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length

const page = (head: string) => `<!doctype html><html><head>${head}</head><body></body></html>`

test('reads the module scripts and modulepreload links, however the attributes are written', () => {
  const html = page(`
    <script type="module" crossorigin src="/assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-b.js">
    <link href='/assets/query-c.js' REL='modulepreload'>
    <link rel="stylesheet" href="/assets/index-d.css">
    <link rel="preload" href="/assets/font.woff2" as="font">
    <script src="/legacy.js"></script>
    <link rel="modulepreload" href="/assets/react-b.js">`)
  expect(initialScripts(html)).toEqual([
    '/assets/index-a.js',
    '/assets/react-b.js',
    '/assets/query-c.js',
  ])
})

test('follows static imports but not dynamic ones', () => {
  const code =
    'import{a as b}from"./react-b.js";import"./side-c.js";export{x}from"./re-d.js";' +
    'const p=()=>import("./lazy-page.js");const s="assets/lazy-page.js";'
  expect(staticImports(code)).toEqual(['./react-b.js', './side-c.js', './re-d.js'])
})

test('sums the gzipped entry, preloads and chunks they import, leaving lazy chunks out', () => {
  const entry =
    'import{r}from"./react-b.js";import"./hidden-e.js";const p=()=>import("./page-f.js");'
  const react = 'export const r=1;'.repeat(50)
  const hidden = 'console.log("not preloaded, imported statically");'
  const lazy = 'export default "a page fetched on demand";'.repeat(500)
  const dir = dist(
    page(`<script type="module" src="/assets/index-a.js"></script>
      <link rel="modulepreload" href="/assets/react-b.js">`),
    {
      'assets/index-a.js': entry,
      'assets/react-b.js': react,
      'assets/hidden-e.js': hidden,
      'assets/page-f.js': lazy,
    },
  )
  const report = measure(dir)
  expect(report.rows.map((r) => [r.file, r.via, r.bytes, r.gzip])).toEqual([
    ['assets/index-a.js', 'entry', entry.length, gz(entry)],
    ['assets/react-b.js', 'modulepreload', react.length, gz(react)],
    ['assets/hidden-e.js', 'static import', hidden.length, gz(hidden)],
  ])
  expect(report.total).toBe(gz(entry) + gz(react) + gz(hidden))
  expect(report.over).toBe(false)
  expect(measure(dir, report.total).over).toBe(false)
  expect(measure(dir, report.total - 1).over).toBe(true)
  expect(formatReport(measure(dir, report.total - 1))).toMatch(/^Over budget/m)
})

test('fails rather than passing on a dist it cannot read', () => {
  const empty = mkdtempSync(join(tmpdir(), 'check-bundle-'))
  dirs.push(empty)
  expect(() => measure(empty)).toThrow(/index\.html not found/)
  expect(() => measure(dist(page(''), {}))).toThrow(/loads no module script/)
  const missing = dist(page('<script type="module" src="/assets/gone.js"></script>'), {})
  expect(() => measure(missing)).toThrow(/assets\/gone\.js, which is not in/)
})

const script = fileURLToPath(new URL('./check-bundle.ts', import.meta.url))
const run = (dir: string) =>
  new Promise<{ code: number; out: string }>((done) => {
    execFile(process.execPath, [script, dir], (error, stdout, stderr) =>
      done({ code: error ? (error.code as number) : 0, out: stdout + stderr }),
    )
  })

test('the command exits 1 over the budget and 0 within it', async () => {
  // Random bytes do not compress: just over the budget gzipped.
  const big = randomBytes(BUDGET_BYTES + 1_000)
  const over = dist(page('<script type="module" src="/assets/index-a.js"></script>'), {
    'assets/index-a.js': big,
  })
  const within = dist(page('<script type="module" src="/assets/index-a.js"></script>'), {
    'assets/index-a.js': 'console.log(1)',
  })
  const [a, b] = await Promise.all([run(over), run(within)])
  expect(a).toMatchObject({ code: 1, out: expect.stringMatching(/Over budget/) })
  expect(b).toMatchObject({ code: 0, out: expect.stringMatching(/Within budget/) })
})
