import { chown, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { writeHba } from './embedded-access.ts'
import { SUPERUSER, newCredentials, writeCredentials } from './embedded-credentials.ts'
import { serverAccount, serverBinaries, spawnServerProgram } from './embedded-spawn.ts'

/**
 * Creates a data folder that is locked from its first start: initdb with SCRAM authentication
 * and a random superuser password, then our pg_hba.conf and the credentials file. It is built
 * beside `dataDir` and renamed into place, so a start interrupted half-way leaves nothing that
 * looks initialised without its passwords.
 */
export async function initialiseDataDir(
  dataDir: string,
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
    // initdb, as that user, cannot create the folder in a parent it does not own.
    await mkdir(staging, { mode: 0o700 })
    const account = await serverAccount()
    if (account) {
      for (const made of [pwDir, pwFile, staging]) await chown(made, account.uid, account.gid)
    }
    const auth = ['--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwFile}`]
    await initdb([`--pgdata=${staging}`, ...auth, '--encoding=UTF8', '--locale=C'], serverLog)
  } finally {
    await rm(pwDir, { recursive: true, force: true })
  }
  await writeHba(staging)
  await writeCredentials(staging, creds)
  await rename(staging, dataDir)
}

async function initdb(args: string[], serverLog: (line: string) => void): Promise<void> {
  let output = ''
  const child = await spawnServerProgram((await serverBinaries()).initdb, args, (text) => {
    output += text
    for (const line of text.split('\n').filter((l) => l.trim())) serverLog(line)
  })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  })
  if (code !== 0) throw new Error(`initdb failed (code ${code}): ${output.trim()}`)
}
