import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { migrateToLatest, openDatabase } from '@opsdeck/db'
import { sql } from 'kysely'
import pino from 'pino'
import { createApp } from '../src/app.ts'
import { insertToken } from '../src/tokens/queries.ts'
import { ensureDataset } from './dataset.ts'
import { measureIngest } from './ingest.ts'
import { formatTable, type Measured } from './measure.ts'
import { ensureCapacity } from './capacity-dataset.ts'
import { capacityMeasurements, importMeasurements } from './capacity.ts'
import { ensureProjects } from './projects-dataset.ts'
import { projectMeasurements } from './projects.ts'
import { reportMeasurements } from './reports.ts'
import { serviceMeasurements } from './services.ts'

// `pnpm bench`: opsdeck's service-health endpoints against the naive query over the raw table,
// side by side in one run (absolute times on a shared 2-core machine mean little), over
// BENCH_SERVICES services × BENCH_DAYS days of one sample a minute (default 500 × 90 = 64.8M).
// The dataset is built once into BENCH_DATA_DIR (default .data/bench) and reused; building it
// takes many minutes. BENCH_DATABASE_URL uses a server of your own instead (an empty database).
// Then the projects area (projects-dataset.ts, projects.ts): BENCH_PROJECTS projects,
// BENCH_COST_ENTRIES cost entries, built once into the same database. Then the capacity area
// (capacity-dataset.ts, capacity.ts): BENCH_PEOPLE people in BENCH_TEAMS teams with their
// bookings, leave and a year of incidents, built once over the projects; and an allocations CSV
// import of BENCH_IMPORT_ROWS rows. Then the stakeholder report over all of it. BENCH_ONLY (a
// comma-separated list of services, projects, capacity, import, reports) runs only those parts:
// the service-health dataset is built only when services or reports run, the projects' always
// (capacity books people on its projects).
const shape = {
  services: Number(process.env.BENCH_SERVICES ?? 500),
  days: Number(process.env.BENCH_DAYS ?? 90),
}
const projectsShape = {
  projects: Number(process.env.BENCH_PROJECTS ?? 300),
  costEntries: Number(process.env.BENCH_COST_ENTRIES ?? 500_000),
}
const capacityShape = {
  people: Number(process.env.BENCH_PEOPLE ?? 500),
  teams: Number(process.env.BENCH_TEAMS ?? 25),
}
const PARTS = ['services', 'projects', 'capacity', 'import', 'reports'] as const
const only = process.env.BENCH_ONLY?.split(',').map((p) => p.trim())
const unknown = only?.filter((p) => !(PARTS as readonly string[]).includes(p))
if (unknown?.length)
  throw new Error(`BENCH_ONLY: no part ${unknown.join(', ')} (${PARTS.join(', ')})`)
const runs = (part: (typeof PARTS)[number]) => !only || only.includes(part)
// The report reads every area: it needs the service-health dataset and capacity's too.
const withCapacity = runs('capacity') || runs('import') || runs('reports')
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? '.data/bench')
await mkdir(dataDir, { recursive: true })
const log = (line: string) => console.log(line)

const database = await openDatabase({
  databaseUrl: process.env.BENCH_DATABASE_URL,
  embeddedDir: path.join(dataDir, 'postgres'),
  embeddedPort: Number(process.env.BENCH_PG_PORT ?? 54_450),
  log,
})
// Building and analysing the dataset runs longer than a request ever may.
const setup = database.connect({ statementTimeoutMs: 3_600_000, max: 2 })
try {
  await migrateToLatest(setup)
  const info = runs('services') || runs('reports') ? await ensureDataset(setup, shape, log) : null
  const projectsInfo = await ensureProjects(setup, projectsShape, info?.endsAt ?? new Date(), log)
  const capacityInfo = withCapacity
    ? await ensureCapacity(setup, capacityShape, projectsInfo.endsAt, log)
    : null
  log(`analysing…`)
  await sql`VACUUM ANALYZE`.execute(setup)
  if (info) {
    log(
      `data: ${info.services} services × ${info.days} days: ${info.samples.toLocaleString('en-GB')} ` +
        `raw samples, ${info.hourlyRows.toLocaleString('en-GB')} hourly and ` +
        `${info.dailyRows.toLocaleString('en-GB')} daily rollup rows, ` +
        `${(info.diskBytes / 1e9).toFixed(1)} GB on disk; built in ${(info.buildSeconds / 60).toFixed(1)} min`,
    )
  }
  const n = (x: number) => x.toLocaleString('en-GB')
  log(
    `projects: ${n(projectsInfo.projects)} projects, ${n(projectsInfo.budgetLines)} budget lines, ` +
      `${n(projectsInfo.baselineMonths)} baseline months, ${n(projectsInfo.progressRows)} progress ` +
      `rows, ${n(projectsInfo.costEntries)} cost entries from ${n(projectsInfo.suppliers)} ` +
      `suppliers; built in ${projectsInfo.buildSeconds.toFixed(1)} s`,
  )
  if (capacityInfo) {
    const c = capacityInfo
    log(
      `capacity: ${n(c.people)} people in ${c.teams} teams (${n(c.moves)} moved), ` +
        `${n(c.allocations)} allocations (${n(c.tentative)} tentative), ${n(c.timeOff)} spells ` +
        `of leave, ${c.closureDays} closure days, ${n(c.bankHolidays)} bank holidays, ` +
        `${n(c.incidents)} incidents with ${n(c.responderHours)} responder-hour rows, ` +
        `${c.tierOneServices} tier-1 services; built in ${c.buildSeconds.toFixed(1)} s`,
    )
  }
  if (process.env.BENCH_BUILD_ONLY) process.exit(0)

  const { db } = database
  if (info && runs('services')) {
    // The clock stops where the dataset ends, so "now" always has data behind it.
    const now = info.endsAt
    const app = createApp({ db, logger: pino({ level: 'silent' }), clock: () => now })
    const token = async (scopes: ('read' | 'ingest')[]) =>
      `Bearer ${(await insertToken(db, { name: 'bench', scopes, createdByUserId: null, now })).token}`
    // The naive queries over the raw table take longer than the app's statement deadline.
    const reads = await serviceMeasurements({
      app,
      db: setup,
      now,
      authorization: await token(['read']),
    })
    console.log(`\n${formatTable(reads)}`)
    const results: Measured[] = [
      ...reads,
      await measureIngest({ app, db, now, authorization: await token(['ingest']), shape }),
    ]
    console.log(`\n${formatTable(results)}`)
  }

  // The projects' clock is the day their dataset was built on.
  const now = projectsInfo.endsAt
  const app = createApp({ db, logger: pino({ level: 'silent' }), clock: () => now })
  const { token } = await insertToken(db, {
    name: 'bench',
    scopes: ['read'],
    createdByUserId: null,
    now,
  })
  const context = { app, db, now, authorization: `Bearer ${token}` }
  if (runs('projects')) console.log(`\n${formatTable(await projectMeasurements(context))}`)
  if (runs('capacity')) console.log(`\n${formatTable(await capacityMeasurements(context))}`)
  if (runs('import')) console.log(`\n${formatTable(await importMeasurements(context))}`)
  if (runs('reports')) console.log(`\n${formatTable(await reportMeasurements(context))}`)
  console.log(
    `\nnode ${process.version}; ` +
      (info ? `${shape.services} services × ${shape.days} days; ` : '') +
      `${n(projectsInfo.projects)} projects, ${n(projectsInfo.costEntries)} cost entries` +
      (capacityInfo ? `; ${n(capacityInfo.people)} people in ${capacityInfo.teams} teams.` : '.'),
  )
} finally {
  await setup.destroy()
  await database.close()
}
