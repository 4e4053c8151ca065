import {
  CHECK_INTERVAL_SECONDS,
  CHECK_KINDS,
  CHECK_METHODS,
  CHECK_MODES,
  CHECK_TIMEOUT_MS,
  DESCRIPTION_MAX_LENGTH,
  HOST_MAX_LENGTH,
  KEYWORD_MAX_LENGTH,
  MAX_EXPECTED_STATUSES,
  MAX_TAGS,
  RESERVED_SERVICE_SLUGS,
  SERVICE_NAME_MAX_LENGTH,
  SLO_TARGET_DECIMALS,
  SLO_WINDOW_DAYS,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  TAG_MAX_LENGTH,
  TAG_PATTERN,
  URL_MAX_LENGTH,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { Ratio } from '../../lib/schema-parts.ts'
import { name, text } from '../../lib/text.ts'
import { checkProblems, DEFAULT_CHECK } from './check-rules.ts'
import { CheckConfig, OwnerTeam } from '../reads/schemas.ts'

// The catalogue's request and answer shapes (POST/PATCH /services, archive, restore). In a file of
// their own: schemas.ts holds the read API's, and these are as long again.

export const Slug = z
  .string()
  .min(1, 'must not be empty')
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`)
  .regex(
    SLUG_PATTERN,
    'must be lowercase letters, digits and hyphens, starting with a letter or digit',
  )

const ServiceSlug = Slug.refine((s) => !(RESERVED_SERVICE_SLUGS as readonly string[]).includes(s), {
  message: `must not be ${RESERVED_SERVICE_SLUGS.map((s) => `'${s}'`).join(' or ')}`,
})

/** `/:slug` in a path. */
export const SlugParam = z.object({ slug: Slug })

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const decimals = (x: number, places: number) => {
  const scaled = x * 10 ** places
  return Math.abs(Math.round(scaled) - scaled) < 1e-6
}

/** A fraction, as the services summary shows SLO targets: 0.999 is 99.9%. */
export const SloTarget = z
  .number()
  .refine((x) => x > 0 && x < 1, { message: 'must be a fraction between 0 and 1 (0.999 is 99.9%)' })
  .refine((x) => decimals(x, SLO_TARGET_DECIMALS), {
    message: `must have at most ${SLO_TARGET_DECIMALS} decimal places (0.99995 is 99.995%)`,
    when: ({ issues }) => issues.length === 0,
  })

/** An http(s) address a person or the prober may open: no other scheme, no user or password. */
export const HttpUrl = text()
  .trim()
  .min(1, 'must not be empty')
  .max(URL_MAX_LENGTH, `must be at most ${URL_MAX_LENGTH} characters`)
  .superRefine((s, ctx) => {
    const problem = urlProblem(s)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

function urlProblem(s: string): string | null {
  let url: URL
  try {
    url = new URL(s)
  } catch {
    return 'must be a full http:// or https:// address'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be http:// or https://'
  if (url.username || url.password) return 'must not hold a user name or password'
  return null
}

const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/

const Host = z
  .string()
  .trim()
  .toLowerCase()
  .max(HOST_MAX_LENGTH, `must be at most ${HOST_MAX_LENGTH} characters`)
  .refine(
    (h) => HOSTNAME.test(h) || z.ipv4().safeParse(h).success || z.ipv6().safeParse(h).success,
    {
      message: 'must be a host name or an IP address, without a scheme or port',
    },
  )

const Tags = z
  .array(
    z
      .string()
      .min(1, { error: 'must not be empty', abort: true })
      .max(TAG_MAX_LENGTH, `must be at most ${TAG_MAX_LENGTH} characters`)
      .regex(TAG_PATTERN, 'must be lowercase letters, digits and - _ . : /, without spaces'),
  )
  .max(MAX_TAGS, `must hold at most ${MAX_TAGS} tags`)
  .transform((tags) => [...new Set(tags)])

const Status = z.number().int().min(100, 'must be 100–599').max(599, 'must be 100–599')

const whole = (min: number, max: number, unit: string) =>
  z
    .number()
    .int('must be a whole number')
    .min(min, `must be ${min}–${max} ${unit}`)
    .max(max, `must be ${min}–${max} ${unit}`)

/** Any part of a check; the rest comes from the service (PATCH) or the defaults (POST). */
export const CheckInput = z.strictObject({
  mode: z.enum(CHECK_MODES).optional(),
  kind: z.enum(CHECK_KINDS).optional(),
  enabled: z.boolean().optional(),
  url: HttpUrl.nullable().optional(),
  method: z.enum(CHECK_METHODS).optional(),
  expectedStatuses: z
    .array(Status)
    .min(1, 'must hold at least one status code')
    .max(MAX_EXPECTED_STATUSES, `must hold at most ${MAX_EXPECTED_STATUSES} status codes`)
    .transform((codes) => [...new Set(codes)].sort((a, b) => a - b))
    .optional(),
  keyword: text()
    .min(1, 'must not be empty (send null for no keyword)')
    .max(KEYWORD_MAX_LENGTH, `must be at most ${KEYWORD_MAX_LENGTH} characters`)
    .nullable()
    .optional(),
  host: Host.nullable().optional(),
  port: z.number().int('must be a whole number').min(1).max(65_535).nullable().optional(),
  intervalSeconds: whole(
    CHECK_INTERVAL_SECONDS.min,
    CHECK_INTERVAL_SECONDS.max,
    'seconds',
  ).optional(),
  timeoutMs: whole(CHECK_TIMEOUT_MS.min, CHECK_TIMEOUT_MS.max, 'ms').optional(),
  degradedLatencyMs: whole(1, CHECK_TIMEOUT_MS.max, 'ms').optional(),
})
export type CheckInput = z.output<typeof CheckInput>

// The fields a create sets and an edit may change; strict, so a misspelt field is refused.
const editable = {
  name: name(SERVICE_NAME_MAX_LENGTH),
  description: text()
    .trim()
    .max(DESCRIPTION_MAX_LENGTH, `must be at most ${DESCRIPTION_MAX_LENGTH} characters`),
  tier: z.number().int('must be 1, 2 or 3').min(1, 'must be 1, 2 or 3').max(3, 'must be 1, 2 or 3'),
  /** A team's slug; null for none. */
  ownerTeam: Slug.nullable(),
  sloTarget: SloTarget,
  sloWindowDays: z.literal(SLO_WINDOW_DAYS, {
    error: `must be one of ${SLO_WINDOW_DAYS.join(', ')} days`,
  }),
  tags: Tags,
  runbookUrl: HttpUrl.nullable(),
  dashboardUrl: HttpUrl.nullable(),
  /** A page-level burn-rate alert opens an incident for the service (SEV2, by the worker). */
  openIncidentOnPage: z.boolean(),
  check: CheckInput,
}

export const NewService = z
  .strictObject({
    slug: ServiceSlug,
    ...editable,
    description: editable.description.optional(),
    ownerTeam: editable.ownerTeam.optional(),
    sloWindowDays: editable.sloWindowDays.optional(),
    tags: editable.tags.optional(),
    runbookUrl: editable.runbookUrl.optional(),
    dashboardUrl: editable.dashboardUrl.optional(),
    openIncidentOnPage: editable.openIncidentOnPage.optional(),
    check: editable.check.optional(),
  })
  // The check as a whole, once each field of it passed (a new service's check has the defaults).
  .superRefine(
    (s, ctx) => {
      const given = new Set(Object.keys(s.check ?? {}))
      for (const p of checkProblems({ ...DEFAULT_CHECK, ...s.check }, given)) {
        ctx.addIssue({ code: 'custom', path: ['check', p.field], message: p.message })
      }
    },
    // Also when another field failed (which skips the object's checks by default).
    {
      when: ({ value, issues }) => isRecord(value) && !issues.some((i) => i.path?.[0] === 'check'),
    },
  )
export type NewService = z.output<typeof NewService>

/** Every field optional; the slug is the service's name in URLs and POST /checks: not editable. */
export const ServicePatch = z.strictObject({
  name: editable.name.optional(),
  description: editable.description.optional(),
  tier: editable.tier.optional(),
  ownerTeam: editable.ownerTeam.optional(),
  sloTarget: editable.sloTarget.optional(),
  sloWindowDays: editable.sloWindowDays.optional(),
  tags: editable.tags.optional(),
  runbookUrl: editable.runbookUrl.optional(),
  dashboardUrl: editable.dashboardUrl.optional(),
  openIncidentOnPage: editable.openIncidentOnPage.optional(),
  check: editable.check.optional(),
})
export type ServicePatch = z.output<typeof ServicePatch>

/** A service as the catalogue keeps it: what the create, edit, archive and restore answers show. */
export const ServiceConfig = z.strictObject({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  tier: z.number().int().min(1).max(3),
  ownerTeam: OwnerTeam,
  sloTarget: Ratio,
  sloWindowDays: z.number().int(),
  tags: z.array(z.string()),
  runbookUrl: z.string().nullable(),
  dashboardUrl: z.string().nullable(),
  openIncidentOnPage: z.boolean(),
  check: CheckConfig,
  archivedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
})
export type ServiceConfig = z.output<typeof ServiceConfig>

export const ServiceConfigBody = z.strictObject({ service: ServiceConfig })
