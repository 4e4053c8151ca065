import { existsSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/** A number from the environment: an empty value counts as unset, as .env files often leave it. */
export const envNumber = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema)

const postgresUrl = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || URL.canParse(v), {
    message: 'must be a URL like postgres://user:password@host:5432/dbname',
  })
  .refine(
    (v) => v === undefined || !URL.canParse(v) || /^postgres(ql)?:$/.test(new URL(v).protocol),
    {
      message: 'must start with postgres:// or postgresql://',
    },
  )

// The database part of the environment, shared by the API, the worker and the db CLI.
export const DbEnv = z.object({
  DATABASE_URL: postgresUrl,
  // A streaming replica of DATABASE_URL's server for the dashboards' and reports' reads (the API
  // opens it; the worker and the CLIs use the primary only).
  DATABASE_REPLICA_URL: postgresUrl,
  // The most lag tolerated: reads go to the primary while the replica misses older writes.
  DATABASE_REPLICA_LAG_SECONDS: envNumber(z.coerce.number().min(1).max(3_600).default(10)),
  OPSDECK_DATA_DIR: z.string().default('.data'),
  OPSDECK_PG_PORT: envNumber(z.coerce.number().int().min(1024).max(65535).default(54329)),
  PG_STATEMENT_TIMEOUT_MS: envNumber(z.coerce.number().int().positive().default(4_000)),
  // Unset: a second after the statement timeout, so a slow query is cancelled by the server
  // first and only a frozen or unreachable server meets this deadline.
  PG_QUERY_TIMEOUT_MS: envNumber(z.coerce.number().int().positive().optional()),
  PG_CONNECT_TIMEOUT_MS: envNumber(z.coerce.number().int().positive().default(3_000)),
  PG_POOL_MAX: envNumber(z.coerce.number().int().min(1).max(1_000).default(10)),
  PG_POOL_QUEUE_TIMEOUT_MS: envNumber(z.coerce.number().int().positive().default(2_000)),
})
export type DbEnv = z.infer<typeof DbEnv>

/** The environment, with a `.env` file in the working folder (when there is one) filling the gaps. */
export function readEnv(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env')
  return process.env
}

/** Parses env with a schema, or throws one line naming every variable that is wrong. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env)
  if (result.success) return result.data
  const problems = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`)
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`)
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function openOptions(env: DbEnv) {
  return {
    databaseUrl: env.DATABASE_URL,
    embeddedDir: path.resolve(env.OPSDECK_DATA_DIR, 'postgres'),
    embeddedPort: env.OPSDECK_PG_PORT,
    statementTimeoutMs: env.PG_STATEMENT_TIMEOUT_MS,
    queryTimeoutMs: env.PG_QUERY_TIMEOUT_MS,
    connectionTimeoutMs: env.PG_CONNECT_TIMEOUT_MS,
    max: env.PG_POOL_MAX,
    queueTimeoutMs: env.PG_POOL_QUEUE_TIMEOUT_MS,
  }
}

/** Runs a command-line `main(args)` and exits with its code; a ConfigError is one line, no trace. */
export function runCli(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof ConfigError) console.error(err.message)
      else console.error(err)
      process.exit(1)
    },
  )
}
