import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { createApp } from '../src/app.ts'
import { capacityReport } from '../src/capacity/report.ts'
import { incidentsReport } from '../src/incidents/report.ts'
import { SYSTEM } from '../src/lib/audit.ts'
import { localDay } from '../src/lib/calendar.ts'
import { getOrganisation } from '../src/lib/organisation.ts'
import { projectsReport } from '../src/projects/report.ts'
import { lastWholePeriod } from '../src/reports/period.ts'
import { freezeReport } from '../src/reports/snapshots/freeze.ts'
import { servicesReport } from '../src/services/report.ts'
import { measure, type Measured, ok } from './measure.ts'

interface Context {
  app: ReturnType<typeof createApp>
  db: Kysely<Database>
  now: Date
  authorization: string
}

// Freezing writes a snapshot each time: fewer runs.
const FREEZE_RUNS = 5

const kb = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`

/**
 * The stakeholder report: the preview as the page asks for it (a month and a quarter, each with
 * its six-period trend), each area's section for one month on its own (where the time goes), a
 * freeze, and reading a snapshot back.
 */
export async function reportMeasurements({ app, db, now, authorization }: Context) {
  const headers = { Authorization: authorization }
  const get = (url: string) => ok(app.request(url, { headers }))
  const sized = async (name: string, url: string): Promise<Measured> => {
    const res = await app.request(url, { headers })
    if (!res.ok) throw new Error(`${url} answered ${res.status}`)
    const bytes = (await res.arrayBuffer()).byteLength
    return measure(name, () => get(url), { note: kb(bytes) })
  }
  const org = await getOrganisation(db)
  const month = lastWholePeriod('month', localDay(now, org.timezone), org.timezone)
  const scope = { range: { from: month.from, to: month.to }, now, org }
  const audit = { at: now, requestId: null, actor: SYSTEM }
  const freeze = () =>
    freezeReport(db, { period: month, now, by: { userId: null, name: 'bench' }, audit })
  const { id } = await freeze()
  return [
    await sized(
      `GET /api/v1/reports/preview (${month.label}, 6 months)`,
      '/api/v1/reports/preview',
    ),
    await sized(
      'GET /api/v1/reports/preview?period=quarter (6 quarters)',
      '/api/v1/reports/preview?period=quarter',
    ),
    await measure('servicesReport (one month)', () => servicesReport(db, scope)),
    await measure('incidentsReport (one month)', () => incidentsReport(db, scope)),
    await measure('projectsReport (one month)', () => projectsReport(db, scope)),
    await measure('capacityReport (one month)', () => capacityReport(db, scope)),
    await measure('freezeReport (a month: build and store)', freeze, {
      runs: FREEZE_RUNS,
      warmup: 1,
    }),
    await sized('GET /api/v1/reports/snapshots/:id', `/api/v1/reports/snapshots/${id}`),
    await measure('GET /api/v1/reports/snapshots/:id/csv (all figures)', () =>
      get(`/api/v1/reports/snapshots/${id}/csv`),
    ),
    await sized('GET /api/v1/reports/snapshots (the archive)', '/api/v1/reports/snapshots'),
  ]
}
