import { randomBytes } from 'node:crypto'
import { chmod, open, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** The bootstrap superuser: set-up only (roles, databases) and the test harness. */
export const SUPERUSER = 'opsdeck'
/** The role the app connects as: owns the `opsdeck` database, not a superuser. */
export const APP_ROLE = 'opsdeck_app'
export const APP_DATABASE = 'opsdeck'
/** The superuser's password in data folders made before passwords were generated. */
export const LEGACY_PASSWORD = 'opsdeck'
/** In the data folder, readable by the app's OS user only (libpq's .pgpass format). */
export const CREDENTIALS_FILE = 'opsdeck-credentials.pgpass'

export interface Credentials {
  superuser: string
  app: string
}

export function newCredentials(): Credentials {
  return { superuser: newPassword(), app: newPassword() }
}

export function newPassword(): string {
  // base64url: no ':' or '\\', so the .pgpass lines need no escaping.
  return randomBytes(24).toString('base64url')
}

export function credentialsPath(dataDir: string): string {
  return path.join(dataDir, CREDENTIALS_FILE)
}

/** The data folder's passwords, or undefined when it has no credentials file. */
export async function readCredentials(dataDir: string): Promise<Credentials | undefined> {
  const file = credentialsPath(dataDir)
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined
    throw err
  })
  if (text === undefined) return undefined
  // A copy restored with looser permissions is tightened again (libpq also insists on it).
  await chmod(file, 0o600)
  const passwords = new Map<string, string>()
  for (const line of text.split('\n')) {
    const fields = line.trim().split(':')
    if (line.startsWith('#') || fields.length !== 5) continue
    passwords.set(fields[3]!, fields[4]!)
  }
  const superuser = passwords.get(SUPERUSER)
  const app = passwords.get(APP_ROLE)
  if (!superuser || !app) {
    throw new Error(`${file} lacks the password of ${superuser ? APP_ROLE : SUPERUSER}`)
  }
  return { superuser, app }
}

/** Writes the credentials file atomically, mode 0600 from its creation on. */
export async function writeCredentials(dataDir: string, creds: Credentials): Promise<void> {
  const file = credentialsPath(dataDir)
  const partial = `${file}.partial`
  await rm(partial, { force: true })
  const text = [
    "# opsdeck's embedded PostgreSQL: passwords generated for this data folder. Keep it mode 0600.",
    `# ${SUPERUSER} is the superuser (set-up only); the app connects as ${APP_ROLE}.`,
    `# e.g. PGPASSFILE=<this file> psql -h 127.0.0.1 -p <port> -U ${APP_ROLE} ${APP_DATABASE}`,
    `*:*:*:${SUPERUSER}:${creds.superuser}`,
    `*:*:*:${APP_ROLE}:${creds.app}`,
    '',
  ].join('\n')
  const handle = await open(partial, 'wx', 0o600)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(partial, file)
}

/** Connection URLs for the server on 127.0.0.1:`port`: as the app role, and as the superuser. */
export function serverUrls(port: number, creds: Credentials) {
  const url = (user: string, password: string, database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`
  return {
    url: (database: string) => url(APP_ROLE, creds.app, database),
    adminUrl: (database: string) => url(SUPERUSER, creds.superuser, database),
  }
}
