import { type CapacityTotals, utilizationOf } from './capacity-days.ts'

/** Booked above this share of effective capacity (all confirmed work) puts a project at risk. */
export const PROJECT_RISK_UTILIZATION = 1.1
/** Away for at least this share of a week's capacity puts a project at risk. */
export const PROJECT_RISK_AWAY_SHARE = 0.5

// Hours split over working days are rarely exact in binary: within this they are equal.
const EPSILON = 1e-9

export interface PersonWeekRisk {
  /** Confirmed work above PROJECT_RISK_UTILIZATION of effective capacity (or booked with none). */
  overbooked: boolean
  /** Time off of at least PROJECT_RISK_AWAY_SHARE of the week's capacity. */
  away: boolean
}

/**
 * One person's week, as a risk to the projects they are booked on in it. A day off here and there
 * is absorbed by any plan, so leave counts from half the week: away 2 of 4 working days (a bank
 * holiday week) is, 1 of 5 is not. Measured in hours, so a part-timer's day weighs its share.
 */
export function personWeekRisk(t: CapacityTotals): PersonWeekRisk {
  const u = utilizationOf(t, false)
  return {
    overbooked:
      u.overAllocated && (u.utilization === null || u.utilization > PROJECT_RISK_UTILIZATION),
    away: t.capacity > 0 && t.timeOff >= PROJECT_RISK_AWAY_SHARE * t.capacity - EPSILON,
  }
}
