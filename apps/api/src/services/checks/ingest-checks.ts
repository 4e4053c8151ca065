import type { ErrorCode } from '@opsdeck/contract'
import { type Database, type IngestResult, type IngestSample, ingestSamples } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { CheckSample } from './schemas.ts'

/** A refused sample: its place in the batch, the field and why. */
export interface SampleProblem {
  path: string
  index: number
  field: string
  message: string
}

export type IngestOutcome =
  | { ok: true; result: IngestResult }
  | { ok: false; code: ErrorCode; message: string; details: SampleProblem[] }

/** How many problems a refusal lists; its message gives the total. */
export const MAX_LISTED_PROBLEMS = 100
/** Probes' clocks drift: a sample this far ahead of ours is still accepted. */
export const FUTURE_SKEW_MS = 5 * 60_000
const DAY_MS = 86_400_000

const problem = (index: number, field: string, message: string): SampleProblem => ({
  path: `json.samples.${index}${field ? `.${field}` : ''}`,
  index,
  field,
  message,
})

/**
 * Checks a batch of check samples and stores it with its rollups, or refuses all of it: a bad
 * sample (by index), an unknown or archived service, a sample older than the raw retention or
 * more than five minutes ahead. Nothing is written unless every sample passes.
 */
export async function ingestChecks(
  db: Kysely<Database>,
  raw: readonly unknown[],
  now: Date,
): Promise<IngestOutcome> {
  const parsed: CheckSample[] = []
  const problems: SampleProblem[] = []
  let badSamples = 0
  raw.forEach((value, index) => {
    const result = CheckSample.safeParse(value)
    if (result.success) return parsed.push(result.data)
    badSamples++
    for (const issue of result.error.issues) {
      problems.push(problem(index, issue.path.map(String).join('.'), issue.message))
    }
  })
  if (badSamples > 0) {
    const which = `${badSamples} of ${raw.length} ${raw.length === 1 ? 'sample is' : 'samples are'}`
    return refuse('invalid_samples', `${which} invalid`, problems)
  }

  const services = await servicesBySlug(db, [...new Set(parsed.map((s) => s.service))])
  const unknown = firstOfEach(parsed, (s) => !services.has(s.service))
  if (unknown.length > 0) {
    const details = unknown.map(([i, s]) => problem(i, 'service', `no service "${s.service}"`))
    return refuse(
      'unknown_service',
      `Unknown ${plural(unknown, 'service')}`,
      details,
      names(unknown),
    )
  }
  const archived = firstOfEach(parsed, (s) => services.get(s.service)?.archivedAt != null)
  if (archived.length > 0) {
    const details = archived.map(([i, s]) =>
      problem(i, 'service', `"${s.service}" is archived: it takes no samples`),
    )
    return refuse('service_archived', 'Archived services take no samples', details, names(archived))
  }

  const days = await rawRetentionDays(db)
  const earliest = new Date(now.getTime() - days * DAY_MS)
  const latest = new Date(now.getTime() + FUTURE_SKEW_MS)
  const at = parsed.map((s) => new Date(s.at))
  const old = indexesWhere(at, (t) => t < earliest)
  if (old.length > 0) {
    const limit = `before ${earliest.toISOString()}: raw samples are kept ${days} days`
    const details = old.map((i) => problem(i, 'at', `is ${limit}`))
    return refuse('sample_too_old', `${count(old, 'sample')} ${isAre(old)} ${limit}`, details)
  }
  const ahead = indexesWhere(at, (t) => t > latest)
  if (ahead.length > 0) {
    const limit = `after ${latest.toISOString()}, more than 5 minutes ahead of the server's clock`
    const details = ahead.map((i) => problem(i, 'at', `is ${limit}`))
    return refuse('sample_in_future', `${count(ahead, 'sample')} ${isAre(ahead)} ${limit}`, details)
  }

  const samples: IngestSample[] = parsed.map((s, i) => ({
    serviceId: services.get(s.service)!.id,
    at: at[i]!,
    status: s.status,
    latencyMs: s.latencyMs,
    statusCode: s.statusCode ?? null,
    error: s.error ?? null,
  }))
  return { ok: true, result: await ingestSamples(db, samples) }
}

function refuse(
  code: ErrorCode,
  message: string,
  problems: SampleProblem[],
  named?: string,
): IngestOutcome {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS)
  const more = problems.length > listed.length ? `, the first ${listed.length} in details` : ''
  const total = `${count(problems, 'problem')}${more}`
  const what = named ? `: ${named}` : ''
  return {
    ok: false,
    code,
    message: `${message}${what} (${total}); nothing was stored`,
    details: listed,
  }
}

async function servicesBySlug(db: Kysely<Database>, slugs: string[]) {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'slug', 'archivedAt'])
    .where('slug', 'in', slugs)
    .execute()
  return new Map(rows.map((r) => [r.slug, r]))
}

async function rawRetentionDays(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('organisationSettings')
    .select('rawSampleRetentionDays')
    .executeTakeFirstOrThrow()
  return row.rawSampleRetentionDays
}

// Each distinct slug once, at its first sample, for a problem per service rather than per sample.
function firstOfEach(samples: CheckSample[], bad: (s: CheckSample) => boolean) {
  const seen = new Map<string, [number, CheckSample]>()
  samples.forEach((s, i) => {
    if (!seen.has(s.service) && bad(s)) seen.set(s.service, [i, s])
  })
  return [...seen.values()]
}

function indexesWhere<T>(list: T[], test: (x: T) => boolean): number[] {
  return list.flatMap((x, i) => (test(x) ? [i] : []))
}

// Up to 20 slugs in the message; the details name the rest (up to the cap).
function names(list: [number, CheckSample][]): string {
  const shown = list.slice(0, 20).map(([, s]) => s.service)
  return list.length > shown.length
    ? `${shown.join(', ')} and ${list.length - shown.length} more`
    : shown.join(', ')
}

const plural = (list: unknown[], noun: string) => (list.length === 1 ? noun : `${noun}s`)
const count = (list: unknown[], noun: string) => `${list.length} ${plural(list, noun)}`
const isAre = (list: unknown[]) => (list.length === 1 ? 'is' : 'are')
