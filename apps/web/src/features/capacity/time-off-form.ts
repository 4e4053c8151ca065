import { CAPACITY_NOTE_MAX_LENGTH, type TimeOffKind } from '@opsdeck/contract'
import { isDay } from '../../lib/range.ts'
import type { TimeOff } from './person-queries.ts'

// Time off: full days from first to last, or half of one day (then the last day is the first).

export interface TimeOffForm {
  firstDay: string
  lastDay: string
  halfDay: boolean
  kind: TimeOffKind
  note: string
}
export type TimeOffField = keyof TimeOffForm

export const emptyTimeOffForm = (today: string): TimeOffForm => ({
  firstDay: today,
  lastDay: today,
  halfDay: false,
  kind: 'annual_leave',
  note: '',
})

export const timeOffFormOf = (t: TimeOff): TimeOffForm => ({
  firstDay: t.firstDay,
  lastDay: t.lastDay,
  halfDay: t.halfDay,
  kind: t.kind,
  note: t.note,
})

/** The last day sent: a half day is one day, whatever the hidden last-day field held. */
const lastDayOf = (f: TimeOffForm) => (f.halfDay ? f.firstDay : f.lastDay)

export function timeOffProblems(f: TimeOffForm): Partial<Record<TimeOffField, string>> {
  const problems: Partial<Record<TimeOffField, string>> = {}
  if (!isDay(f.firstDay)) problems.firstDay = 'Enter the first day off'
  if (!f.halfDay) {
    if (!isDay(f.lastDay)) problems.lastDay = 'Enter the last day off'
    else if (isDay(f.firstDay) && f.lastDay < f.firstDay)
      problems.lastDay = 'Must be on or after the first day'
  }
  if (f.note.length > CAPACITY_NOTE_MAX_LENGTH)
    problems.note = `At most ${CAPACITY_NOTE_MAX_LENGTH} characters`
  return problems
}

export const toNewTimeOff = (f: TimeOffForm, personId: number) => ({
  personId,
  firstDay: f.firstDay,
  lastDay: lastDayOf(f),
  kind: f.kind,
  halfDay: f.halfDay,
  note: f.note.trim(),
})

/** PATCH /time-off/:id's body: only what changed. */
export function toTimeOffPatch(f: TimeOffForm, t: TimeOff) {
  const patch: Partial<Omit<ReturnType<typeof toNewTimeOff>, 'personId'>> = {}
  if (f.firstDay !== t.firstDay) patch.firstDay = f.firstDay
  if (lastDayOf(f) !== t.lastDay) patch.lastDay = lastDayOf(f)
  if (f.halfDay !== t.halfDay) patch.halfDay = f.halfDay
  if (f.kind !== t.kind) patch.kind = f.kind
  if (f.note.trim() !== t.note) patch.note = f.note.trim()
  return patch
}

// A refusal of the last day is shown under the first when the half day hides the last.
export const timeOffFieldOf =
  (halfDay: boolean) =>
  (key: string): TimeOffField | null => {
    if (key === 'lastDay') return halfDay ? 'firstDay' : 'lastDay'
    if (key === 'firstDay' || key === 'halfDay' || key === 'kind' || key === 'note') return key
    return null
  }
