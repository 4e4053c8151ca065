import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { createApp } from '../src/app.ts'
import {
  commitAllocations,
  previewAllocations,
} from '../src/capacity/imports/import-allocations.ts'
import { SYSTEM } from '../src/lib/audit.ts'
import { isoWeekOf } from '../src/lib/calendar.ts'
import { measure, type Measured, ok } from './measure.ts'

interface Context {
  app: ReturnType<typeof createApp>
  db: Kysely<Database>
  now: Date
  authorization: string
}

// The 10k-row import takes seconds each time: fewer runs, one warm-up.
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5)
export const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000)
// The team opened: the largest.
const TEAM = 'cap-01'

const kb = (bytes: number) =>
  bytes >= 1e6
    ? `${(bytes / 1e6).toFixed(1)} MB`
    : bytes >= 1e3
      ? `${Math.round(bytes / 1e3)} KB`
      : `${bytes} B`

/**
 * The capacity area's reads, in-process through the whole app, with each answer's size: the
 * heatmap as the page reads it (teams, a team opened, a cell's popover) and whole, and the rest.
 */
export async function capacityMeasurements({ app, db, now, authorization }: Context) {
  const headers = { Authorization: authorization }
  const get = (url: string) => ok(app.request(url, { headers }))
  const sized = async (name: string, url: string): Promise<Measured> => {
    const res = await app.request(url, { headers })
    if (!res.ok) throw new Error(`${url} answered ${res.status}`)
    const bytes = (await res.arrayBuffer()).byteLength
    return measure(name, () => get(url), { note: kb(bytes) })
  }
  const { timezone } = await db
    .selectFrom('organisationSettings')
    .select('timezone')
    .executeTakeFirstOrThrow()
  const week = isoWeekOf(now, timezone)
  const person = await db
    .selectFrom('people as p')
    .innerJoin('teams as t', 't.id', 'p.teamId')
    .select('p.id')
    .where('t.slug', '=', TEAM)
    .where('p.startDate', 'is', null)
    .orderBy('p.id')
    .executeTakeFirstOrThrow()
  return [
    await sized('GET /api/v1/capacity (default: 25 weeks, the teams)', '/api/v1/capacity'),
    await sized(
      `GET /api/v1/capacity?team=${TEAM}&people=true (a team opened)`,
      `/api/v1/capacity?team=${TEAM}&people=true`,
    ),
    await sized(
      'GET /api/v1/capacity?people=true (every team with its people)',
      '/api/v1/capacity?people=true',
    ),
    await sized(
      `GET /api/v1/capacity/people/:id/weeks/${week}?team=${TEAM} (a cell's popover)`,
      `/api/v1/capacity/people/${person.id}/weeks/${week}?team=${TEAM}`,
    ),
    await sized('GET /api/v1/capacity/overallocations', '/api/v1/capacity/overallocations'),
    await sized('GET /api/v1/capacity/run-change', '/api/v1/capacity/run-change'),
    await sized('GET /api/v1/capacity/cover', '/api/v1/capacity/cover'),
    await sized('GET /api/v1/capacity/forecast', '/api/v1/capacity/forecast'),
    await sized('GET /api/v1/capacity/summary', '/api/v1/capacity/summary'),
    await sized('GET /api/v1/overview (every area, needs attention)', '/api/v1/overview'),
    await sized('GET /api/v1/portfolio (with capacityRisk)', '/api/v1/portfolio'),
  ] satisfies Measured[]
}

class Rollback extends Error {}

/**
 * The allocations CSV import of IMPORT_ROWS new rows over the dataset's people (employed
 * throughout), called in-process: the preview, and the commit in a transaction rolled back after,
 * so every run writes the same rows into the same tables.
 */
export async function importMeasurements({ db, now }: Context) {
  const people = await db
    .selectFrom('people')
    .select('email')
    .where('email', 'like', 'cap-%')
    .where('startDate', 'is', null)
    .where('endDate', 'is', null)
    .orderBy('id')
    .execute()
  const projects = await db
    .selectFrom('projects')
    .select('code')
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(50)
    .execute()
  const lines = ['person,kind,project,first_day,last_day,hours_per_week,percent,status,note']
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const email = people[i % people.length]!.email!
    // Distinct days on every row, so that none is a duplicate of another or of a stored one.
    const first = new Date(now.getTime() + (i % 700) * 86_400_000).toISOString().slice(0, 10)
    const last = new Date(now.getTime() + (i % 700) * 86_400_000 + (7 + (i % 5)) * 86_400_000)
      .toISOString()
      .slice(0, 10)
    const kind = i % 10 === 0 ? 'run' : i % 10 === 1 ? 'support' : 'project'
    const project = kind === 'project' ? projects[i % projects.length]!.code : ''
    const amount = kind === 'run' ? ',5' : '3,'
    const status = i % 4 ? 'confirmed' : 'tentative'
    lines.push(`${email},${kind},${project},${first},${last},${amount},${status},`)
  }
  const csv = lines.join('\n')
  const preview = await previewAllocations(db, csv)
  if (preview.summary.new !== IMPORT_ROWS) {
    throw new Error(`the bench import is not all new: ${JSON.stringify(preview.summary)}`)
  }
  const who = { at: now, requestId: null, actor: SYSTEM }
  const commit = async () => {
    try {
      await db.transaction().execute(async (trx) => {
        const outcome = await commitAllocations(trx, csv, who)
        if (!outcome.ok) throw new Error('the bench import was refused')
        throw new Rollback()
      })
    } catch (error) {
      if (!(error instanceof Rollback)) throw error
    }
  }
  const rows = IMPORT_ROWS.toLocaleString('en-GB')
  const size = kb(Buffer.byteLength(csv))
  return [
    await measure(
      `allocations import preview (${rows} rows, ${size})`,
      () => previewAllocations(db, csv),
      { runs: IMPORT_RUNS, warmup: 1 },
    ),
    await measure(`allocations import commit (${rows} rows, rolled back)`, commit, {
      runs: IMPORT_RUNS,
      warmup: 1,
    }),
  ] satisfies Measured[]
}
