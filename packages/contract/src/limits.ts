// Limits the API enforces and the SPA checks before sending, so a form says what the API would.

export const MIN_PASSWORD_LENGTH = 12
/** argon2 takes any length, but hashing megabytes per request is a cheap denial of service. */
export const MAX_PASSWORD_LENGTH = 1024

/** The longest time range a dashboard query may span. */
export const MAX_RANGE_DAYS = 400
/** The range when none is given: the days up to now. */
export const DEFAULT_RANGE_DAYS = 30
/** No data predates 1970; an earlier year is a typo (and years 0–99 would read as 1900–1999). */
export const MIN_YEAR = 1970
/** Nothing is planned past 2999; a later year is a typo (and 9999-12-31 as `to` would end in 10000). */
export const MAX_YEAR = 2999

/** The most check samples one POST /api/v1/checks may carry. */
export const MAX_CHECK_SAMPLES = 10_000
/** A sample's error text: a probe's reason ("TLS: certificate has expired"), not a page of HTML. */
export const MAX_CHECK_ERROR_LENGTH = 500
/** How long raw check samples are kept (organisation_settings.raw_sample_retention_days). */
export const MIN_RAW_SAMPLE_RETENTION_DAYS = 7
export const MAX_RAW_SAMPLE_RETENTION_DAYS = 400
