import { afterEach, describe, expect, it } from 'vitest'
import { isAlive } from './embedded-orphan.ts'
import { serverEnv } from './embedded-spawn.ts'
import {
  environmentOf,
  freePort,
  postmasterPid,
  startAppProcess,
  tempDataDir,
  waitFor,
  type AppProcess,
  type TempFolder,
} from './embedded-test-kit.ts'

const SECRETS = {
  OPSDECK_ADMIN_PASSWORD: 'admin-secret-in-the-environment',
  DATABASE_URL: 'postgres://someone:db-secret@db.example:5432/opsdeck',
  PGPASSWORD: 'pg-secret',
  PGHOST: 'db.example',
}

describe('the embedded server’s environment', () => {
  let folder: TempFolder | undefined
  let app: AppProcess | undefined
  afterEach(async () => {
    await app?.stop()
    app = undefined
    await folder?.remove()
  })

  it('is PATH, TZ and the C locale, whatever the app’s holds', () => {
    const env = { ...SECRETS, PATH: '/usr/bin:/bin', TZ: 'Europe/London', HOME: '/root' }
    expect(serverEnv(env)).toEqual({ PATH: '/usr/bin:/bin', TZ: 'Europe/London', LC_ALL: 'C' })
    expect(serverEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', LC_ALL: 'C' })
  })

  it('holds none of the app’s secrets, at the first start and after a restart', async () => {
    folder = await tempDataDir()
    const { dataDir } = folder
    app = await startAppProcess(dataDir, await freePort(), { ...process.env, ...SECRETS })
    // The app's own environment has them: the test could fail.
    expect(await environmentOf(app.child.pid!)).toMatchObject(SECRETS)

    const first = await postmasterPid(dataDir)
    expect(Object.keys(await environmentOf(first)).sort()).toEqual(allowed())

    process.kill(first, 'SIGKILL')
    const restarted = await waitFor(
      async () => {
        const pid = await postmasterPid(dataDir).catch(() => NaN)
        return pid !== first && Number.isInteger(pid) && isAlive(pid) ? pid : undefined
      },
      30_000,
      'the restarted server',
    )
    const env = await environmentOf(restarted)
    expect(Object.keys(env).sort()).toEqual(allowed())
    expect(Object.values(env).join('\n')).not.toMatch(/secret/)
  })
})

const allowed = () => Object.keys(serverEnv()).sort()
