import { formatInstant, formatPercent } from '../../lib/format.ts'
import { latencyText } from './budget.ts'
import type { ServiceSeries } from './queries.ts'
import { uptimeDomain } from './transform.ts'

// The detail page's uptime and latency charts: points on a time axis (milliseconds), with the
// maintenance windows and incidents as shaded spans, and each chart's summary in words.

type Marker = { x1: number; x2: number; label: string }

const ms = (iso: string) => Date.parse(iso)

/** Uptime in percent (null stays null: no data is a gap, never 0) and latency per bucket. */
export function seriesPoints(series: ServiceSeries) {
  return series.points.map((p) => ({
    t: ms(p.at),
    uptime: p.uptime === null ? null : p.uptime * 100,
    p50: p.p50,
    p95: p.p95,
  }))
}
export type SeriesPoint = ReturnType<typeof seriesPoints>[number]

/** The uptime axis: from a round floor below every bucket and the SLO, up to 100%. */
export const uptimeSeriesDomain = (series: ServiceSeries, target: number) =>
  uptimeDomain([
    ...series.points.map((p) => ({
      uptime: p.uptime === null ? null : p.uptime * 100,
      target: null,
    })),
    { uptime: null, target: target * 100 },
  ])

/** Maintenance windows and incidents within the range, clipped to it; an open incident runs on. */
export function seriesMarkers(series: ServiceSeries): {
  maintenance: Marker[]
  incidents: (Marker & { severity: string })[]
} {
  const from = ms(series.from)
  const to = ms(series.to)
  const clip = (start: string, end: string | null) => {
    const x1 = Math.max(from, ms(start))
    const x2 = Math.min(to, end === null ? to : ms(end))
    return x2 > x1 ? { x1, x2 } : null
  }
  const maintenance = series.markers.maintenance.flatMap((m) => {
    const span = clip(m.startsAt, m.endsAt)
    return span ? [{ ...span, label: m.reason || 'Maintenance' }] : []
  })
  const incidents = series.markers.incidents.flatMap((i) => {
    const span = clip(i.startedAt, i.resolvedAt)
    return span ? [{ ...span, label: `${i.ref} ${i.title}`, severity: i.severity }] : []
  })
  return { maintenance, incidents }
}

/** "1-hour", "5-minute", "1-day": the width of one point, for captions. */
export function bucketLabel(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}-day`
  if (seconds % 3600 === 0) return `${seconds / 3600}-hour`
  if (seconds % 60 === 0) return `${seconds / 60}-minute`
  return `${seconds}-second`
}

/** Clock times within two days, calendar days beyond. */
export function timeTickFormat(from: number, to: number): (t: number) => string {
  const format = new Intl.DateTimeFormat(
    'en-GB',
    to - from <= 2 * 86_400_000
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short' },
  )
  return (t) => format.format(new Date(t))
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function markerText(series: ServiceSeries) {
  const { maintenance, incidents } = seriesMarkers(series)
  if (maintenance.length + incidents.length === 0) return ''
  return ` Marked: ${plural(maintenance.length, 'maintenance window')}, ${plural(incidents.length, 'incident')}.`
}

/** The uptime chart in words: its lowest bucket and how many fell below the SLO. */
export function uptimeSummary(series: ServiceSeries, target: number): string {
  const measured = series.points.filter((p) => p.uptime !== null)
  const per = `Uptime per ${bucketLabel(series.bucketSeconds)} bucket`
  if (measured.length === 0) return `${per}: no checks in this range.${markerText(series)}`
  const lowest = measured.reduce((a, b) => (b.uptime! < a.uptime! ? b : a))
  const below = measured.filter((p) => p.uptime! < target - 1e-12).length
  return (
    `${per}, ${formatInstant(series.from)} to ${formatInstant(series.to)}: ` +
    `lowest ${formatPercent(lowest.uptime, 2)} at ${formatInstant(lowest.at)}; ` +
    `${below} of ${plural(measured.length, 'bucket')} below the SLO of ${formatPercent(target, 2)}.` +
    markerText(series)
  )
}

/** The latency chart in words: the median bucket's p95 and the slowest bucket. */
export function latencySummary(series: ServiceSeries): string {
  const measured = series.points.filter((p) => p.p95 !== null)
  const per = `p50 and p95 latency per ${bucketLabel(series.bucketSeconds)} bucket`
  if (measured.length === 0) return `${per}: no latency measured in this range.`
  const sorted = measured.map((p) => p.p95!).sort((a, b) => a - b)
  const typical = sorted[Math.floor((sorted.length - 1) / 2)]!
  const slowest = measured.reduce((a, b) => (b.p95! > a.p95! ? b : a))
  return (
    `${per}: p95 typically ${latencyText(typical)}, highest ${latencyText(slowest.p95)} ` +
    `at ${formatInstant(slowest.at)}.${markerText(series)}`
  )
}
