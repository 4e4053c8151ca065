import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { render, screen } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { ChartFrame } from './chart-frame.tsx'

describe('ChartFrame', () => {
  test('the chart is a picture named by its summary, with its caption below', () => {
    render(
      <ChartFrame
        summary="Uptime 99.95% against a 99.9% target"
        caption="Daily uptime"
        height={200}
      >
        <svg />
      </ChartFrame>,
    )
    const picture = screen.getByRole('img', { name: 'Uptime 99.95% against a 99.9% target' })
    expect(picture.closest('figure')).toHaveTextContent('Daily uptime')
    expect(screen.getByRole('figure')).toContainElement(picture)
  })
})

// A Recharts chart is a picture to a screen reader: every one is drawn inside a ChartFrame that
// says what it shows in words. A chart module is one that imports recharts; a module that uses
// it either is part of a chart itself or must wrap it in a ChartFrame with a summary.
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sources = new Map(
  readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => [f, readFileSync(path.join(src, f), 'utf8')] as const),
)
const drawsRecharts = (text: string) => text.includes("from 'recharts'")
const charts = [...sources].filter(([, text]) => drawsRecharts(text)).map(([f]) => f)

describe('every chart has a text alternative', () => {
  test('the charts are found', () => {
    expect(charts.length).toBeGreaterThan(10)
  })

  test.each(charts)('%s is drawn inside a ChartFrame with a summary', (chart) => {
    const name = `/${path.basename(chart)}'`
    const users = [...sources].filter(([f, text]) => f !== chart && text.includes(name))
    expect(users.length, `${chart} is used somewhere`).toBeGreaterThan(0)
    for (const [file, text] of users) {
      if (drawsRecharts(text)) continue // a part of another chart, framed where that one is
      expect(text, `${file} frames ${chart}`).toMatch(/<ChartFrame[^>]*\ssummary=\{/)
    }
  })
})
