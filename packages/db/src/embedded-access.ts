import { readFile, rename, stat, chown, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import {
  APP_DATABASE,
  APP_ROLE,
  LEGACY_PASSWORD,
  SUPERUSER,
  credentialsPath,
  type Credentials,
} from './embedded-credentials.ts'

// Passwords only, checked with SCRAM, over TCP on the loopback address. There is no `local` line:
// the server opens no Unix socket (unix_socket_directories is empty).
export const HBA = `# Written by opsdeck at every start: edits here are replaced.
# TYPE  DATABASE  USER  ADDRESS       METHOD
host    all       all   127.0.0.1/32  scram-sha-256
`

/** Whether pg_hba.conf is ours: the sign that the data folder has been secured. */
export async function hbaIsOurs(dataDir: string): Promise<boolean> {
  const text = await readFile(path.join(dataDir, 'pg_hba.conf'), 'utf8').catch(() => '')
  return text === HBA
}

/** Replaces pg_hba.conf atomically, keeping its owner (the server's OS user) and mode. */
export async function writeHba(dataDir: string): Promise<void> {
  const file = path.join(dataDir, 'pg_hba.conf')
  const { uid, gid } = await stat(file)
  const partial = `${file}.partial`
  await writeFile(partial, HBA, { mode: 0o600 })
  await chown(partial, uid, gid)
  await rename(partial, file)
}

/**
 * Brings the roles to what the app expects, from any earlier state: the superuser's password is
 * the one in the credentials file, the app role exists with its own password and no superuser
 * rights, and it owns the app's database and everything in it. A data folder made before
 * passwords were generated still has the superuser's old fixed password: `legacy` allows it, once.
 */
export async function secureRoles(
  { port, dataDir }: { port: number; dataDir: string },
  creds: Credentials,
  { legacy }: { legacy: boolean },
): Promise<void> {
  const signIn = (database: string, withLegacy: boolean) =>
    connectAsSuperuser(port, database, creds.superuser, withLegacy).catch((err: unknown) => {
      throw explain(err, dataDir)
    })
  const admin = await signIn('postgres', legacy)
  try {
    await admin.query(`SET password_encryption = 'scram-sha-256'`)
    await admin.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${admin.escapeLiteral(creds.superuser)}`)
    const role = await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE])
    await admin.query(
      `${role.rowCount ? 'ALTER' : 'CREATE'} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB ` +
        `NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${admin.escapeLiteral(creds.app)}`,
    )
    const db = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [APP_DATABASE])
    if (db.rowCount) await admin.query(`ALTER DATABASE ${APP_DATABASE} OWNER TO ${APP_ROLE}`)
    else await admin.query(`CREATE DATABASE ${APP_DATABASE} OWNER ${APP_ROLE}`)
  } finally {
    await admin.end()
  }
  const appDb = await signIn(APP_DATABASE, false)
  try {
    await transferOwnership(appDb)
  } finally {
    await appDb.end()
  }
}

// The bootstrap superuser also owns the system catalogs, so REASSIGN OWNED cannot be used:
// each object of ours it owns is given to the app role. Indexes, owned sequences and array types
// follow their table or type; members of extensions are left to the extension.
const OWNED_BY_SUPERUSER = `
  WITH ours AS (
    SELECT oid, nspname, nspowner FROM pg_namespace
    WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
  ), extension_members AS (
    SELECT objid FROM pg_depend WHERE deptype = 'e'
  )
  SELECT 1 AS step, format('ALTER SCHEMA %I OWNER TO ${APP_ROLE}', nspname) AS statement
  FROM ours WHERE nspowner = '${SUPERUSER}'::regrole
  UNION ALL
  SELECT 2, format('ALTER %s %s OWNER TO ${APP_ROLE}', CASE c.relkind
      WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
      WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.oid::regclass)
  FROM pg_class c JOIN ours ON ours.oid = c.relnamespace
  WHERE c.relowner = '${SUPERUSER}'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
    AND c.oid NOT IN (SELECT objid FROM extension_members)
    AND (c.relkind <> 'S' OR NOT EXISTS (SELECT 1 FROM pg_depend d
      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
  UNION ALL
  SELECT 3, format('ALTER ROUTINE %s OWNER TO ${APP_ROLE}', p.oid::regprocedure)
  FROM pg_proc p JOIN ours ON ours.oid = p.pronamespace
  WHERE p.proowner = '${SUPERUSER}'::regrole AND p.prokind IN ('f', 'p')
    AND p.oid NOT IN (SELECT objid FROM extension_members)
  UNION ALL
  SELECT 4, format('ALTER %s %s OWNER TO ${APP_ROLE}',
      CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype)
  FROM pg_type t JOIN ours ON ours.oid = t.typnamespace
  WHERE t.typowner = '${SUPERUSER}'::regrole
    AND (t.typtype IN ('e', 'd', 'r')
      OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
    AND t.oid NOT IN (SELECT objid FROM extension_members)
  ORDER BY step`

async function transferOwnership(db: pg.Client): Promise<void> {
  const { rows } = await db.query<{ statement: string }>(OWNED_BY_SUPERUSER)
  if (rows.length === 0) return
  await db.query('BEGIN')
  for (const { statement } of rows) await db.query(statement)
  await db.query('COMMIT')
}

async function connectAsSuperuser(
  port: number,
  database: string,
  password: string,
  legacy: boolean,
): Promise<pg.Client> {
  try {
    return await connect(port, database, password)
  } catch (err) {
    if (!legacy || !isWrongPassword(err)) throw err
    return await connect(port, database, LEGACY_PASSWORD)
  }
}

async function connect(port: number, database: string, password: string): Promise<pg.Client> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password,
    database,
    connectionTimeoutMillis: 10_000,
  })
  // A server that dies during set-up must fail the start, not crash the process.
  client.on('error', () => {})
  await client.connect()
  return client
}

const isWrongPassword = (err: unknown) => (err as { code?: unknown }).code === '28P01'

function explain(err: unknown, dataDir: string): unknown {
  if (!isWrongPassword(err)) return err
  return new Error(
    `the embedded PostgreSQL refused ${SUPERUSER}'s password from ${credentialsPath(dataDir)}: ` +
      'that file does not belong to this data folder',
    { cause: err },
  )
}
