import { SEVERITY_LABELS, type Severity } from '@opsdeck/contract'

/** `SEV1 Critical`: the code and its word, so the colour is never the only signal. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`sev-badge sev-${severity}`}>
      {severity} <span className="sev-word">{SEVERITY_LABELS[severity]}</span>
    </span>
  )
}
