import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { SMTPServer } from 'smtp-server'
import type { ScheduleRunnerDeps } from './run-due.ts'

// Test doubles for the runner's dependencies that write real rows, and real servers to send to.

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A freeze that writes a bare snapshot row (slowly, to widen any race) and counts its calls. */
export function fakeReports(clock: { now: Date }) {
  const calls = { freeze: 0, share: 0 }
  const tokens: { id: number; token: string }[] = []
  const freeze: ScheduleRunnerDeps['freeze'] = async (db, { period, now, by, scheduleId }) => {
    calls.freeze += 1
    await sleep(40)
    const row = await db
      .insertInto('reportSnapshots')
      .values({
        periodKind: period.kind,
        firstDay: period.firstDay,
        lastDay: period.lastDay,
        title: `IT report: ${period.label}`,
        body: JSON.stringify({ label: period.label }),
        dataCutoff: now,
        frozenAt: now,
        frozenBy: by.name,
        frozenByUserId: by.userId,
        scheduleId: scheduleId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row
  }
  const share: ScheduleRunnerDeps['share'] = async (db, args) => {
    calls.share += 1
    const token = randomBytes(24).toString('base64url')
    const row = await db
      .insertInto('reportShareLinks')
      .values({
        snapshotId: args.snapshotId,
        tokenHash: createHash('sha256').update(token).digest('hex'),
        expiresAt: new Date(args.now.getTime() + args.days * 86_400_000),
        createdByUserId: args.createdByUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    tokens.push({ id: row.id, token })
    return { id: row.id, token }
  }
  const deps = (workerId: string, more: Partial<ScheduleRunnerDeps> = {}): ScheduleRunnerDeps => ({
    now: () => clock.now,
    workerId,
    freeze,
    share,
    publicUrl: 'https://opsdeck.example.com/',
    log: pino({ level: 'silent' }),
    ...more,
  })
  return { calls, tokens, deps }
}

export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

/** An SMTP server on a free port keeping what it receives; `reject` refuses the next recipients. */
export async function startSmtp() {
  const received: ReceivedMail[] = []
  const state = { reject: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.reject > 0) {
        state.reject -= 1
        const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })
        return callback(err)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A message's text as a reader sees it: quoted-printable undone. */
export function textOf(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/** The attachment's bytes (base64 after its headers), or null when there is none. */
export function attachmentOf(raw: string): Buffer | null {
  const match = /Content-Disposition: attachment[^]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(raw)
  return match?.[1] ? Buffer.from(match[1].replace(/\r\n/g, ''), 'base64') : null
}

/**
 * An HTTP server keeping each request's body, answering with `state.statuses` in turn (then 200);
 * while `state.hang` > 0, a request gets no answer at all.
 */
export async function startWebhook() {
  const requests: { headers: IncomingMessage['headers']; body: unknown }[] = []
  const state = { statuses: [] as number[], hang: 0 }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) })
      if (state.hang > 0) {
        state.hang -= 1
        return
      }
      res.writeHead(state.statuses.shift() ?? 200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/opsdeck`,
    requests,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A schedule due at `nextRunAt`. */
export async function insertSchedule(
  db: Kysely<Database>,
  values: { name: string; nextRunAt: Date; emailTo?: string[]; webhookUrl?: string | null },
) {
  return db
    .insertInto('reportSchedules')
    .values({ periodKind: 'month', webhookUrl: null, createdByUserId: null, ...values })
    .returning('id')
    .executeTakeFirstOrThrow()
}
