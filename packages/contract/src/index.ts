// The values the API and the SPA both need, declared once: a value added here reaches both sides.
export {
  ATTENTION_AREA_LABELS,
  ATTENTION_AREAS,
  ATTENTION_SEVERITIES,
  ATTENTION_SEVERITY_LABELS,
} from './attention.ts'
export type { AttentionArea, AttentionSeverity } from './attention.ts'
export { ERROR_CODES, ERROR_STATUS } from './errors.ts'
export type { ErrorBody, ErrorCode } from './errors.ts'
export {
  DEFAULT_RESPONSE_TARGETS,
  ENDED_INCIDENT_STATUSES,
  INCIDENT_ACTION_STATUS_LABELS,
  INCIDENT_ACTION_STATUSES,
  INCIDENT_IMPACTS,
  INCIDENT_MILESTONE_LABELS,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  INCIDENT_TEXT_MAX_LENGTH,
  INCIDENT_TITLE_MAX_LENGTH,
  MAX_RESPONSE_TARGET_MINUTES,
  SEVERITIES,
  SEVERITY_LABELS,
} from './incidents.ts'
export type {
  IncidentActionStatus,
  IncidentImpact,
  IncidentMilestone,
  IncidentStatus,
  Severity,
} from './incidents.ts'
export { BACK_TO_STATUSES, judgeMove, REVIEW_REQUIRED_SEVERITIES } from './incident-moves.ts'
export type { MoveRefusal, MoveState, MoveVerdict } from './incident-moves.ts'
export {
  DEFAULT_RANGE_DAYS,
  MAX_CHECK_ERROR_LENGTH,
  MAX_CHECK_SAMPLES,
  MAX_PASSWORD_LENGTH,
  MAX_RANGE_DAYS,
  MAX_RAW_SAMPLE_RETENTION_DAYS,
  MAX_YEAR,
  MIN_PASSWORD_LENGTH,
  MIN_RAW_SAMPLE_RETENTION_DAYS,
  MIN_YEAR,
} from './limits.ts'
export {
  MAINTENANCE_REASON_MAX_LENGTH,
  MAINTENANCE_START_GRACE_MS,
  MAX_MAINTENANCE_WINDOW_DAYS,
  MAX_WEEKLY_MAINTENANCE_MINUTES,
} from './maintenance.ts'
export {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  COST_REFERENCE_MAX_LENGTH,
  LIVE_PROJECT_STATUSES,
  MAX_IMPORT_BYTES,
  MAX_AMOUNT_PENCE,
  MAX_IMPORT_ROWS,
  MAX_PROJECT_YEARS,
  PROJECT_CODE_PATTERN,
  PROJECT_NAME_MAX_LENGTH,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_TEXT_MAX_LENGTH,
  SPEND_TYPE_LABELS,
  SPEND_TYPES,
  SUPPLIER_MAX_LENGTH,
  yearsAfter,
} from './projects.ts'
export type { BudgetCategory, ProjectStatus, SpendType } from './projects.ts'
export { RAG_LABELS, RAG_STATUSES } from './rag.ts'
export {
  CHECK_INTERVAL_SECONDS,
  CHECK_KINDS,
  CHECK_METHODS,
  CHECK_MODES,
  CHECK_TIMEOUT_MS,
  DESCRIPTION_MAX_LENGTH,
  GROUP_RULES,
  HOST_MAX_LENGTH,
  KEYWORD_MAX_LENGTH,
  MAX_EXPECTED_STATUSES,
  MAX_GROUP_COMPONENTS,
  MAX_TAGS,
  RESERVED_SERVICE_SLUGS,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_TIERS,
  SLO_TARGET_DECIMALS,
  SLO_WINDOW_DAYS,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  TAG_MAX_LENGTH,
  TAG_PATTERN,
  URL_MAX_LENGTH,
} from './service-catalogue.ts'
export type { RagStatus } from './rag.ts'
export {
  ROLE_LABELS,
  ROLE_SUMMARIES,
  roleAtLeast,
  ROLES,
  TOKEN_SCOPE_SUMMARIES,
  TOKEN_SCOPES,
} from './roles.ts'
export type { Role, TokenScope } from './roles.ts'
