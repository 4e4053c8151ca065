/**
 * Every error code the API answers with, and the one HTTP status it comes with. The body is the
 * envelope `{ error: { code, message, details? } }`; `details` lists `{ path, message }` per bad
 * field for validation_failed, invalid_json, unsupported_media_type and invalid_range, and
 * `{ path, index, field, message }` per refused sample for POST /api/v1/checks' 422s.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_range: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  user_not_found: 404,
  token_not_found: 404,
  service_not_found: 404,
  business_service_not_found: 404,
  maintenance_window_not_found: 404,
  maintenance_schedule_not_found: 404,
  incident_not_found: 404,
  // A follow-up action id that is not one of the incident's.
  action_not_found: 404,
  project_not_found: 404,
  budget_line_not_found: 404,
  cost_entry_not_found: 404,
  progress_not_found: 404,
  allocation_not_found: 404,
  time_off_not_found: 404,
  closure_day_not_found: 404,
  // No hours logged by that person on that incident and day.
  responder_hours_not_found: 404,
  person_not_found: 404,
  team_not_found: 404,
  snapshot_not_found: 404,
  share_link_not_found: 404,
  schedule_not_found: 404,
  email_taken: 409,
  self: 409,
  last_admin: 409,
  slug_taken: 409,
  service_in_use: 409,
  // A maintenance window that has started is history; a schedule's occurrence goes with it.
  maintenance_started: 409,
  maintenance_scheduled: 409,
  // The move is not allowed from the incident's status; the message says why.
  illegal_transition: 409,
  // A closed incident's review stays completed: closed means the review is done.
  incident_closed: 409,
  project_code_taken: 409,
  // A cost entry's reference is already used in its project.
  reference_taken: 409,
  // A budget line that actuals are booked against, or a project with actuals, stays.
  budget_line_in_use: 409,
  // A project with cost entries or progress is history: cancel or close it instead.
  project_has_actuals: 409,
  // A project people are booked to in capacity plans: remove the bookings, or cancel it.
  project_has_allocations: 409,
  // A person with allocations, time off, incident history or projects stays: give a leave date.
  person_in_use: 409,
  // A team move to the team the person is already in.
  already_in_team: 409,
  // New start or leave dates that would leave allocations or time off outside the employment.
  bookings_outside_employment: 409,
  // Time off of the same person over days already taken; the message names the other.
  time_off_overlaps: 409,
  // The organisation is already closed on that day.
  closure_day_taken: 409,
  // A share link past its expiry or revoked: it once worked, and now never will.
  share_link_gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  wrong_password: 422,
  unknown_team: 422,
  unknown_person: 422,
  // An allocation's projectCode: no such project, or one closed or cancelled.
  unknown_project: 422,
  // A budgetLineId in a cost entry's body that is not one of the project's lines.
  unknown_budget_line: 422,
  invalid_components: 422,
  // A window starting in the past would change no recorded figure; the rest: see details.
  maintenance_in_past: 422,
  invalid_maintenance: 422,
  // POST /api/v1/checks refuses the whole batch; details name each sample by index (capped).
  invalid_samples: 422,
  // A CSV import with bad rows: details name each by line and column; nothing was written.
  invalid_import: 422,
  unknown_service: 422,
  service_archived: 422,
  sample_too_old: 422,
  sample_in_future: 422,
  // A report for a period that has not begun yet has no figures to show.
  period_not_started: 422,
  rate_limited: 429,
  internal: 500,
  overloaded: 503,
  // PDF export needs Chromium on the server; the message says how to set it up or print instead.
  pdf_unavailable: 503,
  database_unavailable: 503,
  database_timeout: 503,
} as const satisfies Record<string, number>

export type ErrorCode = keyof typeof ERROR_STATUS
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[]

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown }
}
