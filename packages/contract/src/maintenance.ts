// Maintenance windows' limits: the API refuses past them and the SPA's form checks them first.

/** The longest one-off window; a longer outage is not maintenance to exclude from the figures. */
export const MAX_MAINTENANCE_WINDOW_DAYS = 7
/** A weekly window's length (maintenance_schedules.duration_minutes holds the same bound). */
export const MAX_WEEKLY_MAINTENANCE_MINUTES = 1440
export const MAINTENANCE_REASON_MAX_LENGTH = 200
/**
 * How far in the past a window may start and still be accepted: a form sent "now" takes a moment
 * to arrive. Any earlier and samples already recorded keep their accounting.
 */
export const MAINTENANCE_START_GRACE_MS = 60_000
