import type { ApiError } from '../../lib/api.ts'
import { placeProblems, type Problems } from '../../lib/form-problems.ts'
import type { Settings, SettingsPatch, SettingsUpdated } from './queries.ts'

// Pure shaping for the settings page: the form's text values, the patch of what changed, and
// the API's field problems placed beside their inputs.

export type Region = NonNullable<SettingsPatch['bankHolidayRegion']>

/** Every region the API accepts, named: a region added there fails to compile here until named. */
export const REGION_NAMES: Record<Region, string> = {
  'GB-ENG': 'England and Wales',
  'GB-SCT': 'Scotland',
  'GB-NIR': 'Northern Ireland',
}

export const LEVELS = ['red', 'amber'] as const
export type Level = (typeof LEVELS)[number]
/** EAC / BAC is edited as a percentage of the budget, as the RAG reason prints it. */
interface LevelForm {
  cpi: string
  spi: string
  eacPercent: string
}

export interface SettingsForm {
  name: string
  timezone: string
  currency: string
  bankHolidayRegion: string
  workingDaysPerWeek: string
  rawSampleRetentionDays: string
  rag: Record<Level, LevelForm>
}

/** The form's field names, as the inputs and the problems know them. */
export type FieldName =
  Exclude<keyof SettingsForm, 'rag'> | `rag.${Level}.${keyof LevelForm}` | 'rag'

const percentOf = (ratio: number) => String(Math.round(ratio * 1000) / 10)
// 3 decimals of a ratio are 1 of a percentage: 107.5% → 1.075.
const ratioOf = (percent: string) => Math.round(toNumber(percent) * 10) / 1000
// An empty or malformed number is sent as NaN (null in JSON), for the API to name the field.
const toNumber = (s: string) => (s.trim() === '' ? NaN : Number(s))

export function formOf(settings: Settings): SettingsForm {
  const level = (l: Level) => {
    const t = settings.ragThresholds[l]
    return { cpi: String(t.cpi), spi: String(t.spi), eacPercent: percentOf(t.eacOverBac) }
  }
  return {
    name: settings.name,
    timezone: settings.timezone,
    currency: settings.currency,
    bankHolidayRegion: settings.bankHolidayRegion,
    workingDaysPerWeek: String(settings.workingDaysPerWeek),
    rawSampleRetentionDays: String(settings.rawSampleRetentionDays),
    rag: { red: level('red'), amber: level('amber') },
  }
}

/** Only what differs from the saved settings: an unchanged zone is not sent, so not audited. */
export function toPatch(form: SettingsForm, saved: Settings): SettingsPatch {
  const patch: SettingsPatch = {}
  if (form.name.trim() !== saved.name) patch.name = form.name.trim()
  if (form.timezone.trim() !== saved.timezone) patch.timezone = form.timezone.trim()
  if (form.currency !== saved.currency) patch.currency = form.currency
  if (form.bankHolidayRegion !== saved.bankHolidayRegion) {
    patch.bankHolidayRegion = form.bankHolidayRegion as Region
  }
  const days = toNumber(form.workingDaysPerWeek)
  if (days !== saved.workingDaysPerWeek) patch.workingDaysPerWeek = days
  const retention = toNumber(form.rawSampleRetentionDays)
  if (retention !== saved.rawSampleRetentionDays) patch.rawSampleRetentionDays = retention
  const level = (l: Level) => ({
    cpi: toNumber(form.rag[l].cpi),
    spi: toNumber(form.rag[l].spi),
    eacOverBac: ratioOf(form.rag[l].eacPercent),
  })
  const rag = { red: level('red'), amber: level('amber') }
  if (JSON.stringify(rag) !== JSON.stringify(saved.ragThresholds)) patch.ragThresholds = rag
  return patch
}

/** The organisation settings' problems, by the form's field names. */
export const fieldProblems = (error: ApiError | null): Problems<FieldName> =>
  placeProblems(error, fieldOf, 'The settings were not saved')

const PLAIN = [
  'name',
  'timezone',
  'currency',
  'bankHolidayRegion',
  'workingDaysPerWeek',
  'rawSampleRetentionDays',
] as const

function fieldOf(path: string): FieldName | null {
  const [root, key, level, figure] = path.split('.')
  if (root !== 'json' || !key) return null
  if ((PLAIN as readonly string[]).includes(key)) return key as FieldName
  if (key !== 'ragThresholds') return null
  if (level !== 'red' && level !== 'amber') return 'rag'
  if (figure === 'cpi' || figure === 'spi') return `rag.${level}.${figure}`
  if (figure === 'eacOverBac') return `rag.${level}.eacPercent`
  return 'rag'
}

/** What a save says of the daily uptime rollups: a change of zone re-labels them later. */
export function dailyRollupsMessage(dailyRollups: SettingsUpdated['dailyRollups']): string {
  if (!dailyRollups.rebuilding) return ''
  return ' Daily figures are being re-labelled into the new time zone in the background; figures stay exact meanwhile.'
}
