// Local servers and rows for the prober's tests: every check goes to 127.0.0.1, never out.
import type { Database } from '@opsdeck/db'
import type { Insertable, Kysely } from 'kysely'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TargetPolicy } from './target-policy.ts'

/** The test servers listen on 127.0.0.1, which the prober refuses unless loopback is allowed. */
export const LOCAL_TARGETS: TargetPolicy = { allowLoopback: true }

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface Hit {
  path: string
  method: string
  at: number
}

/** A node:http (or https, given a key and cert) server on a free port that records each request. */
export async function startHttp(handler: Handler, tls?: { key: string; cert: string }) {
  const hits: Hit[] = []
  const record: Handler = (req, res) => {
    hits.push({ path: req.url ?? '', method: req.method ?? '', at: Date.now() })
    handler(req, res)
  }
  const server = tls ? https.createServer(tls, record) : http.createServer(record)
  const port = await listen(server)
  const base = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`
  return {
    hits,
    port,
    url: (p = '/') => base + p,
    close: () => close(server),
  }
}

/** A TCP server that records the connections it accepts. */
export async function startTcp(onAccept: () => void = () => {}) {
  const accepted: number[] = []
  const server = net.createServer((socket) => {
    accepted.push(Date.now())
    onAccept()
    socket.on('error', () => {})
    socket.end()
  })
  const port = await listen(server)
  return { accepted, port, close: () => close(server) }
}

/** A port nothing listens on: it was free a moment ago. */
export async function closedPort() {
  const server = net.createServer()
  const port = await listen(server)
  await close(server)
  return port
}

/** A self-signed certificate for 127.0.0.1, made by openssl now; null without openssl. */
export function selfSignedCert(): { key: string; cert: string } | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdeck-prober-tls-'))
  try {
    const key = path.join(dir, 'key.pem')
    const cert = path.join(dir, 'cert.pem')
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
        .concat(['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'])
        .concat(['-addext', 'subjectAltName=IP:127.0.0.1']),
      { stdio: 'ignore' },
    )
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
  } catch {
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A service in probe mode; defaults: HTTP, checked every minute, 2 s timeout. */
export async function insertProbeService(
  db: Kysely<Database>,
  values: Partial<Insertable<Database['services']>> & { slug: string },
) {
  const row = await db
    .insertInto('services')
    .values({
      name: values.slug,
      tier: 2,
      sloTarget: 0.999,
      checkMode: 'probe',
      checkKind: 'http',
      checkIntervalSeconds: 60,
      checkTimeoutMs: 2_000,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function listen(server: net.Server) {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  return (server.address() as net.AddressInfo).port
}

async function close(server: net.Server) {
  if ('closeAllConnections' in server) (server as http.Server).closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}
