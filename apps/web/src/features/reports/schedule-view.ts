import type { Schedule } from './schedule-queries.ts'

// How the schedules page tells times and channels. Times are the organisation's: a schedule runs
// at a local time there, whoever reads it.

const formats = new Map<string, Intl.DateTimeFormat>()

/** An instant in the zone: `Mon 1 Dec 2026, 08:00`; the ISO string when the zone is unknown. */
export function formatInZone(iso: string | null, timeZone: string): string {
  if (!iso) return ''
  let format = formats.get(timeZone)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    } catch {
      return iso
    }
    formats.set(timeZone, format)
  }
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : format.format(date)
}

const KINDS = { week: 'Weekly', month: 'Monthly', quarter: 'Quarterly' } as const

/** "Monthly, 08:00 on the first working day". */
export const cadenceOf = (s: Pick<Schedule, 'periodKind' | 'runAtLocal'>) =>
  `${KINDS[s.periodKind]}, ${s.runAtLocal} on the first working day`

/** Where it goes: "2 email addresses, webhook". */
export function channelsOf(s: Pick<Schedule, 'emailTo' | 'webhookUrl'>): string {
  const parts: string[] = []
  if (s.emailTo.length === 1) parts.push(s.emailTo[0] ?? '')
  if (s.emailTo.length > 1) parts.push(`${s.emailTo.length} email addresses`)
  if (s.webhookUrl) parts.push('webhook')
  return parts.join(', ') || 'nowhere'
}
