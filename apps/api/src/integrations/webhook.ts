import type { Database, IntakeSignal } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { AuditActor } from '../lib/audit.ts'
import type { WebhookPayload } from './schemas.ts'
import { matchServices } from './services.ts'

/**
 * The intake signal of a generic webhook delivery. Each tool is a source of its own
 * (`webhook:<tool>`), so two tools' keys never meet; the timeline names the tool.
 */
export async function webhookSignal(
  db: Kysely<Database>,
  p: WebhookPayload,
  received: { at: Date; by: AuditActor },
): Promise<IntakeSignal> {
  const link = p.url ? ` ${p.url}` : ''
  const base = {
    source: `webhook:${p.source}`,
    externalId: p.key,
    author: `${p.source} (webhook)`,
    at: received.at,
    data: { tool: p.source, key: p.key, url: p.url ?? null, receivedBy: received.by },
  }
  if (p.status === 'resolved') {
    const endedAt = p.endedAt ?? received.at
    return {
      ...base,
      status: 'resolved',
      body: `${p.source}: resolved at ${endedAt.toISOString()}.${link}`,
      endedAt,
      resolves: true,
    }
  }
  // The schema requires these when firing.
  const { title = '', severity = 'SEV4', startedAt = received.at } = p
  const slugs = [...new Set(p.services ?? [])].sort()
  const matched = await matchServices(db, slugs, 'The service')
  return {
    ...base,
    data: { ...base.data, services: slugs, unmatchedServices: matched.unmatched },
    status: 'firing',
    body: [
      `${p.source}: firing since ${startedAt.toISOString()} (${severity}): ${title}.${link}`,
      ...matched.notes,
    ].join(' '),
    title,
    summary: p.summary ?? '',
    severity,
    alertStarts: [startedAt],
    services: matched.services,
    impact: 'degraded',
  }
}
