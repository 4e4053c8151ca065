// Team capacity: the values the API and the SPA both need.

/** Bank-holiday calendars, from date-holidays; the organisation has one, a person may have another. */
export const BANK_HOLIDAY_REGIONS = ['GB-ENG', 'GB-SCT', 'GB-NIR'] as const
export type BankHolidayRegion = (typeof BANK_HOLIDAY_REGIONS)[number]
export const BANK_HOLIDAY_REGION_LABELS: Record<BankHolidayRegion, string> = {
  'GB-ENG': 'England and Wales',
  'GB-SCT': 'Scotland',
  'GB-NIR': 'Northern Ireland',
}

/** What an allocation books time for: a project (change), run/BAU, or support and on-call. */
export const ALLOCATION_KINDS = ['project', 'run', 'support'] as const
export type AllocationKind = (typeof ALLOCATION_KINDS)[number]
export const ALLOCATION_KIND_LABELS: Record<AllocationKind, string> = {
  project: 'Project',
  run: 'Run / BAU',
  support: 'Support and on-call',
}

/** Tentative work counts only in the what-if. */
export const ALLOCATION_STATUSES = ['confirmed', 'tentative'] as const
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number]

export const TIME_OFF_KINDS = ['annual_leave', 'sick', 'training', 'other'] as const
export type TimeOffKind = (typeof TIME_OFF_KINDS)[number]
export const TIME_OFF_KIND_LABELS: Record<TimeOffKind, string> = {
  annual_leave: 'Annual leave',
  sick: 'Sick',
  training: 'Training',
  other: 'Other',
}

/** ISO weekdays, Monday 1 … Sunday 7: a working pattern lists those worked. */
export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
export const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5] as const

export const MAX_CONTRACTED_HOURS = 80
export const MAX_ALLOCATION_HOURS = 80
export const MAX_ALLOCATION_PERCENT = 200
export const MAX_SKILLS = 30
export const SKILL_MAX_LENGTH = 40
export const PERSON_NAME_MAX_LENGTH = 120
export const PERSON_ROLE_MAX_LENGTH = 80
export const TEAM_NAME_MAX_LENGTH = 120

/** The heatmap's default span: this many ISO weeks back and ahead of this week. */
export const CAPACITY_WEEKS_BACK = 12
export const CAPACITY_WEEKS_AHEAD = 12
/** The most ISO weeks one capacity request covers. */
export const MAX_CAPACITY_WEEKS = 60

/** An allocation or time off ends before the same day this many years after its first day. */
export const MAX_CAPACITY_SPAN_YEARS = 3
/** The note on an allocation, time off or responder hours. */
export const CAPACITY_NOTE_MAX_LENGTH = 500
/** A closure day's name. */
export const CLOSURE_NAME_MAX_LENGTH = 120
/** Hours one person logs on one incident on one day. */
export const MAX_RESPONDER_HOURS = 24
