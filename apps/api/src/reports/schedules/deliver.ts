import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import nodemailer from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js'
import type { Period } from '../period.ts'
import { type Delivery, renewLease } from './deliveries.ts'
import type { ScheduleRunnerDeps } from './run-due.ts'

export const WEBHOOK_TIMEOUT_MS = 10_000
export const SMTP_NOT_CONFIGURED = 'SMTP is not configured (OPSDECK_SMTP_URL)'
/** The code on the cause of a fetch the guarded fetch refused (the worker's TARGET_REFUSED). */
const TARGET_REFUSED = 'OPSDECK_TARGET_REFUSED'

/** How to send mail: nodemailer's SMTP transport (an `smtp://` / `smtps://` URL or options). */
export interface MailConfig {
  transport: string | SMTPTransport.Options
  from: string
}

/** What one delivery says, whichever the channel. */
export interface Message {
  delivery: Delivery
  period: Period
  shareUrl: string
  shareExpiresAt: Date
  pdf: Uint8Array | null
}

// The webhook URL often holds its secret in its path; viewers read the delivery log.
const HTTP_URL = /https?:\/\/[^\s"'<>()]+/gi
const originOf = (url: string) =>
  URL.canParse(url) ? `${new URL(url).origin}/…` : `${url.slice(0, url.indexOf('//') + 2)}…`

/** A failed send's reason, as the delivery log shows it: short, never a credential or a path. */
export function errorText(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } } | null
  // fetch's own message is only "fetch failed": the reason is its cause's (ECONNREFUSED, …); a
  // target the guarded fetch refused says why in words ("… is link-local: refused").
  const refused = e?.cause?.code === TARGET_REFUSED
  const cause = refused ? e?.cause?.message : (e?.cause?.code ?? e?.cause?.message)
  let text = `${e?.message ?? String(err)}${cause ? ` (${cause})` : ''}`
  text = text
    .replace(HTTP_URL, originOf)
    .replace(/\/\/[^/@\s]*@/g, '//')
    .replace(/\s+/g, ' ')
  return text.length > 300 ? `${text.slice(0, 299)}…` : text
}

/**
 * A failure that trying again cannot mend: no SMTP to send with, or an address the guarded fetch
 * refuses. The delivery is given up at once rather than retried for an hour.
 */
export function isPermanent(err: unknown): boolean {
  const e = err as { message?: string; cause?: { code?: string } } | null
  return e?.message === SMTP_NOT_CONFIGURED || e?.cause?.code === TARGET_REFUSED
}

const day = (d: Date) => d.toISOString().slice(0, 10)
const fileName = (m: Message) =>
  `${m.delivery.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'report'}-${m.period.firstDay}.pdf`

export function mailOf(m: Message, from: string) {
  const lines = [
    `${m.delivery.name}: the report for ${m.period.label} is ready.`,
    '',
    `Open it without an account (the link expires on ${day(m.shareExpiresAt)}):`,
    m.shareUrl,
    '',
    m.pdf ? 'The report is attached as a PDF.' : 'Print it or save it as a PDF from the page.',
    '',
    '— opsdeck',
  ]
  return {
    from,
    to: m.delivery.emailTo,
    subject: `${m.delivery.name}: ${m.period.label}`,
    text: lines.join('\n'),
    attachments: m.pdf
      ? [{ filename: fileName(m), content: Buffer.from(m.pdf), contentType: 'application/pdf' }]
      : [],
  }
}

/** One SMTP transport for a pass over the due deliveries; timeouts well inside the lease. */
export function mailTransport(config: MailConfig) {
  const timeouts = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 40_000 }
  const options =
    typeof config.transport === 'string' ? { url: config.transport } : config.transport
  return nodemailer.createTransport({ ...timeouts, ...options })
}
export type MailTransport = ReturnType<typeof mailTransport>

export interface WebhookOptions {
  fetch?: typeof fetch | undefined
  timeoutMs?: number | undefined
}

/** The webhook's JSON: what was frozen, for which period, and where to read it. */
export function webhookBody(m: Message) {
  const { period } = m
  return {
    schedule: { id: m.delivery.scheduleId, name: m.delivery.name },
    period: {
      kind: period.kind,
      firstDay: period.firstDay,
      lastDay: period.lastDay,
      label: period.label,
    },
    snapshotId: m.delivery.snapshotId,
    shareUrl: m.shareUrl,
    frozenAt: m.delivery.frozenAt.toISOString(),
  }
}

/** POSTs the webhook; anything but a 2xx answer (a redirect too) within 10 s is a failure. */
export async function postWebhook(
  m: Message,
  url: string,
  { fetch: fetchFn = fetch, timeoutMs = WEBHOOK_TIMEOUT_MS }: WebhookOptions = {},
) {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'opsdeck-reports' },
    body: JSON.stringify(webhookBody(m)),
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((err: unknown) => {
    const timedOut = (err as { name?: string } | null)?.name === 'TimeoutError'
    throw timedOut ? new Error(`the webhook did not answer within ${timeoutMs / 1000} s`) : err
  })
  await res.body?.cancel()
  if (res.status < 200 || res.status > 299)
    throw new Error(`the webhook answered HTTP ${res.status}`)
}

/**
 * One attempt at one delivery. Each attempt makes its own share link and deletes it if the attempt
 * fails, so only a link that went out stays valid, and the snapshot's list of links is not filled
 * with the dead ones of failed attempts. The lease is renewed just before the
 * send: a worker whose lease ran out (a slow PDF) leaves the delivery to the one that took it.
 */
export async function sendDelivery(
  db: Kysely<Database>,
  deps: ScheduleRunnerDeps,
  delivery: Delivery,
  period: Period,
  transport: MailTransport | undefined,
) {
  const now = deps.now()
  const link = await deps.share(db, {
    snapshotId: delivery.snapshotId,
    days: delivery.shareDays,
    createdByUserId: delivery.createdByUserId,
    now,
  })
  try {
    const shareUrl = `${deps.publicUrl.replace(/\/+$/, '')}/shared/${link.token}`
    const shareExpiresAt = new Date(now.getTime() + delivery.shareDays * 86_400_000)
    const email = delivery.channel === 'email'
    const pdf = email && deps.renderPdf ? await deps.renderPdf(delivery.snapshotId) : null
    const message = { delivery, period, shareUrl, shareExpiresAt, pdf }
    if (!(await renewLease(db, delivery.id, deps.workerId, deps.now()))) {
      throw new Error('the lease ran out before sending; another worker has it')
    }
    if (email && transport && deps.mail) {
      await transport.sendMail(mailOf(message, deps.mail.from))
    } else if (!email && delivery.webhookUrl) {
      const options = { fetch: deps.fetch, timeoutMs: deps.webhookTimeoutMs }
      await postWebhook(message, delivery.webhookUrl, options)
    } else throw new Error(`the schedule no longer has a ${delivery.channel} address`)
  } catch (err) {
    await db.deleteFrom('reportShareLinks').where('id', '=', link.id).execute()
    throw err
  }
}
