// Money is stored as integer minor units and never converted: a new currency re-labels every
// amount. Between currencies whose minor unit is the same power of ten (GBP → EUR) that keeps
// each amount's value; otherwise 690,000,000 pence (£6.9m) would read as ¥690m.

/** Decimal places of the currency's minor unit, as Intl formats it: GBP 2, JPY 0, KWD 3. */
export const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2

const places = (n: number) => (n === 1 ? '1 decimal place' : `${n} decimal places`)

/** Why `from` cannot become `to` while `amounts` money amounts are recorded, or null if it can. */
export function currencyChangeProblem(from: string, to: string, amounts: number): string | null {
  const [was, will] = [minorDigits(from), minorDigits(to)]
  if (was === will || amounts === 0) return null
  const recorded =
    amounts === 1
      ? 'the 1 amount already recorded'
      : `the ${amounts.toLocaleString('en-GB')} amounts already recorded`
  const fold = (10 ** Math.abs(was - will)).toLocaleString('en-GB')
  return `amounts are stored in minor units: ${from} has ${places(was)} and ${to} ${will}, so ${recorded} would change value ${fold}-fold; change the currency before recording amounts, or choose one with ${places(was)}`
}
