import { formatNumber } from '../../../lib/format.ts'
import { checkTarget, secondsText } from '../detail-transform.ts'
import type { ServiceDetail } from '../queries.ts'

/** The check configuration as a definition list. */
export function CheckConfigView({ check }: { check: ServiceDetail['check'] }) {
  return (
    <dl className="details">
      <dt>Checked by</dt>
      <dd>
        {check.mode === 'probe' ? 'the built-in prober' : 'samples pushed to POST /api/v1/checks'}
        {check.enabled ? '' : ' (paused)'}
      </dd>
      <dt>Check</dt>
      <dd className="break">{checkTarget(check)}</dd>
      <dt>Interval</dt>
      <dd>every {secondsText(check.intervalSeconds)}</dd>
      <dt>Timeout</dt>
      <dd>{formatNumber(check.timeoutMs)} ms</dd>
      <dt>Degraded above</dt>
      <dd>{formatNumber(check.degradedLatencyMs)} ms</dd>
    </dl>
  )
}
