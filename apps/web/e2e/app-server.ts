import { type ChildProcess, spawn } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const READY_TIMEOUT_MS = 150_000 // the first start migrates and seeds the demo data

/** The first admin the app creates on its empty database (OPSDECK_ADMIN_EMAIL / _PASSWORD). */
export const E2E_ADMIN = {
  email: 'admin@e2e.opsdeck.local',
  password: 'e2e-admin-password-2026',
} as const

/** The demo data's sign-ins (README), created while the demo is loaded. */
export const DEMO_MANAGER = {
  email: 'manager@demo.opsdeck.local',
  password: 'demo-manager-2026',
} as const

export const DEMO_VIEWER = {
  email: 'viewer@demo.opsdeck.local',
  password: 'demo-viewer-2026',
} as const

export interface AppServer {
  url: string
  logs: () => string
  stop: () => Promise<void>
}

/** A free TCP port, chosen by the OS. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('could not pick a free port')
  return address.port
}

/**
 * Starts the real app (`node apps/api/src/index.ts`, which serves the built SPA) on fresh data:
 * its own embedded PostgreSQL in a temporary folder, or E2E_DATABASE_URL when given.
 */
export async function startApp(): Promise<AppServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'opsdeck-e2e-'))
  // Embedded PostgreSQL run as root drops to another OS user, which must be able to enter it.
  await chmod(dataDir, 0o755)
  const port = await freePort()
  const db = process.env.E2E_DATABASE_URL
    ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
    : { OPSDECK_PG_PORT: String(await freePort()) }
  const child = spawn(process.execPath, ['apps/api/src/index.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...db,
      PORT: String(port),
      OPSDECK_DATA_DIR: dataDir,
      OPSDECK_ADMIN_EMAIL: E2E_ADMIN.email,
      OPSDECK_ADMIN_PASSWORD: E2E_ADMIN.password,
      // The report PDF is printed by the same Chromium the journeys drive.
      ...(process.env.CHROMIUM_PATH ? { OPSDECK_CHROMIUM_PATH: process.env.CHROMIUM_PATH } : {}),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )

  const server: AppServer = {
    url: `http://localhost:${port}`,
    logs: () => output,
    stop: async () => {
      await stopChild(child, exited)
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  try {
    await waitUntilReady(server.url, exited)
  } catch (err) {
    await server.stop()
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output}`, { cause: err })
  }
  return server
}

async function waitUntilReady(url: string, exited: Promise<number | null>) {
  let gone: number | null | undefined
  void exited.then((code) => (gone = code))
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the app exited with code ${gone} before it was ready`)
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the app was not ready at ${url}/readyz within ${READY_TIMEOUT_MS / 1000} s`)
}

// SIGINT is what a person's Ctrl-C sends: the app should close its server and database cleanly.
async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGINT')
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  await exited
  clearTimeout(timer)
}
