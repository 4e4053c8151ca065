import { type KpiDefinition, NA } from './kind.ts'

// Capacity: the working calendar, utilization, toil, cover and the risk to projects.
export const CAPACITY_DEFINITIONS = {
  effectiveCapacity: {
    id: 'effectiveCapacity',
    name: 'Effective capacity',
    formula:
      'contracted hours / pattern days, on each working day (a pattern day while employed, not a bank holiday of the person’s region or a closure day) − time off (full or half days)',
    notes:
      'Per person per day, summed over the ISO week (Monday–Sunday); a team’s and the organisation’s are sums of their people’s.',
  },
  bookingRule: {
    id: 'bookingRule',
    name: 'How bookings meet the calendar',
    formula:
      'an allocation of H hours a week (or P% of the contracted hours) books H / pattern days on each working day in its dates',
    notes:
      'Bank holidays and closure days are not working days: nothing is booked on them, so they lower capacity and the booking alike. Time off is not taken off the booking: work booked over leave stays booked and shows as over-allocation, a conflict to move.',
  },
  utilization: {
    id: 'utilization',
    name: 'Utilization',
    formula:
      'booked hours / effective capacity (confirmed work; with tentative work in the what-if)',
    notes: `Over-allocated when booked hours exceed effective capacity in a week, also when there is none (a week of leave with work booked). ${NA}`,
  },
  incidentToil: {
    id: 'incidentToil',
    name: 'Incident toil',
    formula:
      'per person and day: hours commanding incidents (acknowledged → resolved, overlaps counted once) capped at their working day, + responder hours logged',
    notes: 'Taken off focus capacity (effective capacity − toil), and counted as run work.',
  },
  coverRisk: {
    id: 'coverRisk',
    name: 'Cover risk',
    formula:
      'a working day on which fewer than 2 people of a tier-1 service’s owner team are available (working that day, not off all of it)',
    notes:
      'Listed by week, with the days and the people available. An owner team with no one in it has no cover on any working day.',
  },
  runChangeSplit: {
    id: 'runChangeSplit',
    name: 'Run / change split',
    formula: 'run = run + support + incident hours; change = project hours; each / their total',
    notes: NA,
  },
  projectCapacityRisk: {
    id: 'projectCapacityRisk',
    name: 'Project risk from capacity',
    formula:
      'for a live project, over this week and the next 3: how many of its people (a confirmed allocation to it booking hours that week) are booked over 110% of their effective capacity (all their confirmed work) in a week they are on it; and the weeks in which at least half of its people are on leave for half their capacity or more',
    notes:
      'People booked on it only tentatively are counted apart, not in the risk. Leave is normal, so it counts only when it takes a project’s people in numbers: a person is away from half the week, in hours (a part-timer’s day weighs its share of their week; bank holidays are not leave), and a project short when half its people are away in the same week (its only person, for a project of one). Work booked over leave is already over-booking.',
  },
} satisfies Record<string, KpiDefinition>
