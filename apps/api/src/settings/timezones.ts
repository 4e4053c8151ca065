const SUPPORTED = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])
// An IANA name as the tz database spells it (Area/Location), not an offset like "+01:00".
const IANA_NAME = /^[A-Z][A-Za-z_-]*(\/[A-Z][A-Za-z0-9_+-]*)+$/

// Daily rollups are built from whole UTC hours, so every local midnight must fall on one. From
// 2000 on (no check data is older; before 1972 Africa/Monrovia was 44½ minutes off the hour) to
// 2100, a week apart: sampling every 6 hours finds the same 18 zones off the hour.
const FROM = Date.UTC(2000, 0, 1)
const TO = Date.UTC(2100, 0, 1)
const WEEK = 7 * 86_400_000

/** Why `name` cannot be the organisation's time zone, or null when it can. */
export function timezoneProblem(name: string): string | null {
  if (!isKnownZone(name)) return `${name} is not an IANA time zone (e.g. Europe/London)`
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: name, timeZoneName: 'longOffset' })
  for (let t = FROM; t < TO; t += WEEK) {
    const offset = format.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? ''
    // "GMT", "GMT+01:00", "GMT-03:30": anything but :00 minutes is off the hour.
    if (/:(?!00)\d\d/.test(offset)) {
      const year = new Date(t).getUTCFullYear()
      const utc = offset.replace('GMT', 'UTC')
      return `${name} is ${utc} (in ${year}): opsdeck needs a zone whose UTC offset is always a whole number of hours, because daily figures are built from whole UTC hours`
    }
  }
  return null
}

// The zones Intl lists, plus the current tz database names that ICU lists under an older alias
// (Europe/Kyiv for Europe/Kiev, Asia/Kolkata for Asia/Calcutta).
function isKnownZone(name: string): boolean {
  if (SUPPORTED.has(name)) return true
  if (!IANA_NAME.test(name)) return false
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
    return SUPPORTED.has(resolved)
  } catch {
    return false
  }
}
