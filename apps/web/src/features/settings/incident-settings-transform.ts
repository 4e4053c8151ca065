import {
  DEFAULT_RESPONSE_TARGETS,
  MAX_RESPONSE_TARGET_MINUTES,
  SEVERITIES,
  type Severity,
} from '@opsdeck/contract'
import type { ApiError } from '../../lib/api.ts'
import { formatDuration } from '../../lib/format.ts'
import { placeProblems, type Problems } from '../../lib/form-problems.ts'
import type { IncidentSettings, IntakeLabelsPatch, ResponseTargetsPut } from './queries.ts'

// Pure shaping for the incident settings: response targets edited as a number and a unit, the
// checks the unit makes ours (the API counts in minutes), and the Alertmanager labels' patch.

export const UNITS = ['minutes', 'hours', 'days'] as const
export type Unit = (typeof UNITS)[number]
const MINUTES_PER: Record<Unit, number> = { minutes: 1, hours: 60, days: 24 * 60 }

export interface DurationForm {
  amount: string
  unit: Unit
}
export const MILESTONES = ['ack', 'resolve'] as const
export type Milestone = (typeof MILESTONES)[number]
export type TargetsForm = Record<Severity, Record<Milestone, DurationForm>>
/** An input's name, as the form and the problems know it: `SEV2.resolve`. */
export type TargetField = `${Severity}.${Milestone}`

type Target = IncidentSettings['targets'][number]
type Minutes = Pick<Target, 'ackMinutes' | 'resolveMinutes'>

/** Minutes in the largest unit that holds them whole: 240 → 4 hours, 90 → 90 minutes. */
export function durationOf(minutes: number): DurationForm {
  for (const unit of ['days', 'hours'] as const) {
    const amount = minutes / MINUTES_PER[unit]
    if (Number.isInteger(amount)) return { amount: String(amount), unit }
  }
  return { amount: String(minutes), unit: 'minutes' }
}

/** The minutes typed: NaN when empty or not a number; 1.1 hours is 66, not 66.000…01. */
export function minutesOf({ amount, unit }: DurationForm): number {
  if (amount.trim() === '') return NaN
  const minutes = Number(amount) * MINUTES_PER[unit]
  const whole = Math.round(minutes)
  return Math.abs(minutes - whole) < 1e-9 ? whole : minutes
}

const formOfMinutes = (bySeverity: (s: Severity) => Minutes): TargetsForm =>
  Object.fromEntries(
    SEVERITIES.map((s) => {
      const t = bySeverity(s)
      return [s, { ack: durationOf(t.ackMinutes), resolve: durationOf(t.resolveMinutes) }]
    }),
  ) as TargetsForm

/** The saved targets as the form shows them; a severity the API left out shows its default. */
export const targetsFormOf = (targets: Target[]): TargetsForm =>
  formOfMinutes((s) => targets.find((t) => t.severity === s) ?? DEFAULT_RESPONSE_TARGETS[s])

/** What "Reset to defaults" puts in the form. */
export const defaultTargetsForm = (): TargetsForm =>
  formOfMinutes((s) => DEFAULT_RESPONSE_TARGETS[s])

const MAX_DAYS = MAX_RESPONSE_TARGET_MINUTES / MINUTES_PER.days

function durationProblem(minutes: number): string | undefined {
  if (Number.isNaN(minutes)) return 'Enter a number'
  if (minutes < 1) return 'Must be at least 1 minute'
  if (!Number.isInteger(minutes)) return 'Must come to whole minutes: 1.5 hours is 90 minutes'
  if (minutes > MAX_RESPONSE_TARGET_MINUTES) return `Must be at most ${MAX_DAYS} days`
  return undefined
}

/**
 * What the API would refuse, said in the units typed (its own messages count minutes): empty,
 * under a minute, part of a minute, over 90 days, resolution sooner than acknowledgement.
 */
export function checkTargets(form: TargetsForm): Partial<Record<TargetField, string>> {
  const problems: Partial<Record<TargetField, string>> = {}
  for (const s of SEVERITIES) {
    const ack = minutesOf(form[s].ack)
    const resolve = minutesOf(form[s].resolve)
    const ackProblem = durationProblem(ack)
    const resolveProblem =
      durationProblem(resolve) ??
      (!ackProblem && resolve < ack
        ? `Must be at least the acknowledgement target (${formatDuration(ack)})`
        : undefined)
    if (ackProblem) problems[`${s}.ack`] = ackProblem
    if (resolveProblem) problems[`${s}.resolve`] = resolveProblem
  }
  return problems
}

/** All four targets, SEV1 first: the API replaces them together. */
export const toTargetsPut = (form: TargetsForm): ResponseTargetsPut => ({
  targets: SEVERITIES.map((severity) => ({
    severity,
    ackMinutes: minutesOf(form[severity].ack),
    resolveMinutes: minutesOf(form[severity].resolve),
  })),
})

/** Whether the put would change a saved target (the same minutes in other units do not). */
export function targetsChanged(put: ResponseTargetsPut, saved: Target[]): boolean {
  return put.targets.some((t) => {
    const was = saved.find((s) => s.severity === t.severity)
    return was?.ackMinutes !== t.ackMinutes || was.resolveMinutes !== t.resolveMinutes
  })
}

const MILESTONE_OF: Record<string, Milestone> = { ackMinutes: 'ack', resolveMinutes: 'resolve' }

/** `json.targets.1.resolveMinutes` is SEV2's resolve input: the put lists SEV1 to SEV4 in order. */
export function targetFieldOf(path: string): TargetField | null {
  const [root, key, index, figure] = path.split('.')
  const severity = SEVERITIES[Number(index)]
  const milestone = MILESTONE_OF[figure ?? '']
  if (root !== 'json' || key !== 'targets' || !severity || !milestone) return null
  return `${severity}.${milestone}`
}

export const targetProblems = (error: ApiError | null): Problems<TargetField> =>
  placeProblems(error, targetFieldOf, 'The response targets were not saved')

export type LabelsForm = IncidentSettings['intake']
const LABEL_FIELDS = [
  'alertmanagerSeverityLabel',
  'alertmanagerServiceLabel',
] as const satisfies readonly (keyof LabelsForm)[]
export type LabelField = (typeof LABEL_FIELDS)[number]

/** Only the labels that differ from the saved ones, without surrounding spaces. */
export function toLabelsPatch(form: LabelsForm, saved: LabelsForm): IntakeLabelsPatch {
  const patch: IntakeLabelsPatch = {}
  for (const key of LABEL_FIELDS) {
    const value = form[key].trim()
    if (value !== saved[key]) patch[key] = value
  }
  return patch
}

const labelFieldOf = (path: string): LabelField | null =>
  LABEL_FIELDS.find((key) => path === `json.${key}`) ?? null

export const labelProblems = (error: ApiError | null): Problems<LabelField> =>
  placeProblems(error, labelFieldOf, 'The labels were not saved')
