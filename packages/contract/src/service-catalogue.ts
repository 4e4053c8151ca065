// The service catalogue's limits: the API refuses past them and the SPA's forms check them first.
// The database's CHECK constraints hold the same numbers (migrations 2026-11-27-02, 2026-12-02-04).

/** A slug names a service in URLs and in POST /checks: lowercase letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/
export const SLUG_MAX_LENGTH = 60
/** Paths under /services that a slug would shadow. */
export const RESERVED_SERVICE_SLUGS = ['summary'] as const

export const SERVICE_NAME_MAX_LENGTH = 200
export const DESCRIPTION_MAX_LENGTH = 2000
export const URL_MAX_LENGTH = 2000

export const SERVICE_TIERS = [1, 2, 3] as const
/** The rolling windows an SLO may be counted over, in days. */
export const SLO_WINDOW_DAYS = [7, 28, 30, 90] as const
/** SLO targets are fractions (0.999 = 99.9%) stored as numeric(7,5): five decimals at most. */
export const SLO_TARGET_DECIMALS = 5

export const MAX_TAGS = 20
export const TAG_MAX_LENGTH = 40
/** Lowercase letters, digits and `-_.:/` (e.g. `team:payments`), no spaces. */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9\-_.:/]*$/

export const CHECK_MODES = ['probe', 'push'] as const
export const CHECK_KINDS = ['http', 'tcp'] as const
export const CHECK_METHODS = ['GET', 'HEAD', 'POST'] as const
export const CHECK_INTERVAL_SECONDS = { min: 10, max: 3600 } as const
export const CHECK_TIMEOUT_MS = { min: 100, max: 60_000 } as const
export const MAX_EXPECTED_STATUSES = 20
export const KEYWORD_MAX_LENGTH = 200
export const HOST_MAX_LENGTH = 253

/** How a business service rolls its components up: all up, any up, or at least N up. */
export const GROUP_RULES = ['all', 'any', 'at_least'] as const
export const MAX_GROUP_COMPONENTS = 50
