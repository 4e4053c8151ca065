import { type CapacityTotals, utilizationOf } from './capacity-days.ts'

/** Booked above this share of effective capacity (all confirmed work) puts a project at risk. */
export const PROJECT_RISK_UTILIZATION = 1.1
/** A person is away in a week when their time off is at least this share of its capacity. */
export const PROJECT_RISK_AWAY_SHARE = 0.5
/** A project is short of people in a week when at least this share of its people are away. */
export const PROJECT_RISK_AWAY_PEOPLE = 0.5

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

/**
 * A week in which at least half of a project's people (those with confirmed work on it that week)
 * are away: leave is normal (a quarter of a project's people may well be off in any month), so it
 * puts a project at risk only when it takes half the people at once, or its only one.
 */
export const projectShortOfPeople = (bookedOnIt: number, away: number) =>
  bookedOnIt > 0 && away >= PROJECT_RISK_AWAY_PEOPLE * bookedOnIt
