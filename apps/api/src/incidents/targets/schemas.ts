import { MAX_RESPONSE_TARGET_MINUTES, SEVERITIES, type Severity } from '@opsdeck/contract'
import { z } from 'zod'
import { durationInWords } from '../../lib/phrases.ts'

/** The longest response target: 90 days, in minutes. SEV4's default resolve target is 10 days. */
export const MAX_TARGET_MINUTES = MAX_RESPONSE_TARGET_MINUTES

const Minutes = z
  .number()
  .int()
  .min(1)
  .max(MAX_TARGET_MINUTES, { message: `must be at most ${MAX_TARGET_MINUTES} (90 days)` })

const TargetInput = z
  .strictObject({ severity: z.enum(SEVERITIES), ackMinutes: Minutes, resolveMinutes: Minutes })
  .refine((t) => t.resolveMinutes >= t.ackMinutes, {
    path: ['resolveMinutes'],
    message: 'must be at least ackMinutes: an incident is acknowledged before it is resolved',
  })

/** All four targets at once, each severity exactly once: nothing is left at an old value. */
export const ResponseTargetsPut = z.strictObject({
  targets: z.array(TargetInput).superRefine((targets, ctx) => {
    const seen = new Set<string>()
    targets.forEach(({ severity }, i) => {
      if (seen.has(severity)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'severity'],
          message: `${severity} is listed twice`,
        })
      }
      seen.add(severity)
    })
    const missing = SEVERITIES.filter((s) => !seen.has(s))
    if (missing.length > 0) {
      const message = `must list each of ${SEVERITIES.join(', ')} once: ${missing.join(', ')} missing`
      ctx.addIssue({ code: 'custom', message })
    }
    // A more severe incident is never given longer: SEV1 acknowledged in 500 min against SEV2's
    // 15 is a typo, and would rank breaches upside down.
    const bySeverity = new Map(targets.map((t, i) => [t.severity, { ...t, i }]))
    SEVERITIES.slice(0, -1).forEach((severity, n) => {
      const t = bySeverity.get(severity)
      const next = bySeverity.get(SEVERITIES[n + 1] as Severity)
      if (!t || !next) return
      for (const field of ['ackMinutes', 'resolveMinutes'] as const) {
        if (t[field] > next[field]) {
          ctx.addIssue({
            code: 'custom',
            path: [t.i, field],
            message: `must be at most ${next.severity}’s (${durationInWords(next[field])}): a more severe incident is not given longer`,
          })
        }
      }
    })
  }),
})
export type ResponseTargetsPut = z.infer<typeof ResponseTargetsPut>

// Prometheus' label name syntax; names starting with __ are Prometheus' own and are dropped
// before alerts reach Alertmanager, so a label of that name would never be found.
const LabelName = z
  .string()
  .max(100)
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, {
    message: 'must be a Prometheus label name: a letter or _, then letters, digits or _',
  })
  .refine((s) => !s.startsWith('__'), {
    message: 'must not start with __ (reserved by Prometheus, never sent to Alertmanager)',
  })

/** Either label or both; unknown fields refused, so a misspelt field is not silently dropped. */
export const IntakeSettingsPatch = z.strictObject({
  alertmanagerSeverityLabel: LabelName.optional(),
  alertmanagerServiceLabel: LabelName.optional(),
})
export type IntakeSettingsPatch = z.infer<typeof IntakeSettingsPatch>

export const ResponseTarget = z.strictObject({
  severity: z.enum(SEVERITIES),
  /** Minutes from start to acknowledgement. */
  ackMinutes: z.number().int(),
  /** Minutes from start to resolution. */
  resolveMinutes: z.number().int(),
})

/** The Alertmanager labels an alert's severity and service are read from. */
export const IntakeSettings = z.strictObject({
  alertmanagerSeverityLabel: z.string(),
  alertmanagerServiceLabel: z.string(),
})
export type IntakeSettings = z.output<typeof IntakeSettings>

/** The response targets, most severe first, and the intake's label settings. */
export const ResponseTargetsBody = z.strictObject({
  targets: z.array(ResponseTarget),
  intake: IntakeSettings,
})
