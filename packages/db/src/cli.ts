// `node packages/db/src/cli.ts migrate | seed [--reset]`: the database chores behind
// `pnpm db:migrate` and `pnpm db:seed`.
import { DbEnv, openOptions, parseEnv, readEnv, runCli } from './env.ts'
import { migrateToLatest } from './migrate.ts'
import { openDatabase, type OpenedDatabase } from './open.ts'
import { isDatabaseEmpty, resetDemoData, seedDemo } from './seed/index.ts'

const USAGE = 'usage: node packages/db/src/cli.ts migrate | seed [--reset]'

async function main(args: string[]): Promise<number> {
  const [command, ...flags] = args
  if (command !== 'migrate' && command !== 'seed') return fail(USAGE)
  const unknown = flags.filter((f) => command !== 'seed' || f !== '--reset')
  if (unknown.length > 0) return fail(`unknown option ${unknown.join(' ')}\n${USAGE}`)

  const env = parseEnv(DbEnv, readEnv())
  // The seed's big statements run longer than a request may.
  const statementTimeoutMs = Math.max(env.PG_STATEMENT_TIMEOUT_MS, 600_000)
  const database = await openDatabase({
    ...openOptions(env),
    statementTimeoutMs,
    queryTimeoutMs: statementTimeoutMs + 1_000,
    // While opsdeck runs, use its embedded server rather than refuse.
    attach: true,
  })
  console.log(`database: ${database.description}`)
  try {
    await migrate(database)
    if (command === 'seed') await seed(database, flags.includes('--reset'))
  } finally {
    await database.close()
  }
  return 0
}

async function migrate({ db }: OpenedDatabase): Promise<void> {
  const started = performance.now()
  const applied = await migrateToLatest(db)
  const took = seconds(started)
  if (applied.length === 0) console.log(`migrations: up to date (${took})`)
  else console.log(`migrations: applied ${applied.join(', ')} (${took})`)
}

async function seed({ db }: OpenedDatabase, reset: boolean): Promise<void> {
  if (reset) {
    const started = performance.now()
    await resetDemoData(db)
    console.log(`reset: demo data removed (${seconds(started)})`)
  } else if (!(await isDatabaseEmpty(db))) {
    console.log('seed: the database already has data; nothing to do (use --reset to replace it)')
    return
  }
  const started = performance.now()
  console.log('seed: demo data')
  const result = await seedDemo(db, { log: (line) => console.log(line) })
  console.log(`seed: done in ${seconds(started)}, relative to ${result.now.toISOString()}`)
  for (const [table, n] of Object.entries(result.rows)) {
    console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en-GB').padStart(10)}`)
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`
}

function fail(message: string): number {
  console.error(message)
  return 1
}

runCli(main)
