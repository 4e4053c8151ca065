// The one "n/a" convention: any KPI that divides returns null instead of Infinity or NaN, and a
// null input (a figure that was itself n/a) propagates. The UI renders null as "n/a".
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null) return null
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null
  const value = numerator / denominator
  // Overflow (1e308 / 1e-308) is still not a number anyone can show.
  return Number.isFinite(value) ? value : null
}
