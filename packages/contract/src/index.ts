// The values the API and the SPA both need, declared once: a value added here reaches both sides.
export { ERROR_CODES, ERROR_STATUS } from './errors.ts'
export type { ErrorBody, ErrorCode } from './errors.ts'
export {
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  SEVERITIES,
  SEVERITY_LABELS,
} from './incidents.ts'
export type { IncidentStatus, Severity } from './incidents.ts'
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
export { RAG_LABELS, RAG_STATUSES } from './rag.ts'
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
