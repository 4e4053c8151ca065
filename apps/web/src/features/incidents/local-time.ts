// A `datetime-local` input holds a wall-clock time in the reader's time zone, without one:
// `2026-11-27T14:02`. The API takes and gives ISO instants.

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO instant as the input's value, in the reader's zone, to the minute; '' for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The input's value as an ISO instant; null when empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}
